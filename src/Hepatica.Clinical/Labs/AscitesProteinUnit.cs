namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for ascitic fluid protein.</summary>
public enum AscitesProteinUnit
{
    /// <summary>grams per decilitre (canonical): UCUM <c>g/dL</c>.</summary>
    GramPerDeciliter,

    /// <summary>grams per litre: UCUM <c>g/L</c>.</summary>
    GramPerLiter,
}
