namespace Hepatica.Clinical.Findings;

/// <summary>Liver histology as the IAIHG simplified criteria grade it (Hennes 2008).</summary>
public enum AihHistology
{
    /// <summary>Hepatitis with features that are neither typical nor compatible (atypical for AIH): 0 points.</summary>
    Atypical,

    /// <summary>Chronic hepatitis with lymphocytic infiltration without all the typical features: 1 point.</summary>
    Compatible,

    /// <summary>Interface hepatitis, lymphocytic/lymphoplasmacytic portal infiltrates, emperipolesis and hepatic rosettes: 2 points.</summary>
    Typical,
}
