namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for protein concentrations (serum albumin, ascitic fluid protein; aliases <c>AlbuminUnit</c>, <c>AscitesProteinUnit</c>).</summary>
public enum ProteinUnit
{
    /// <summary>grams per decilitre (canonical): UCUM <c>g/dL</c>.</summary>
    GramPerDeciliter,

    /// <summary>grams per litre: UCUM <c>g/L</c>.</summary>
    GramPerLiter,
}
