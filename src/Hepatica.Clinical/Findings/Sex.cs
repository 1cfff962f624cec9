namespace Hepatica.Clinical.Findings;

/// <summary>Sex as used by the scores (MELD 3.0's female term). Snapshot values: <c>female</c>, <c>male</c>.</summary>
public enum Sex
{
    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,
}
