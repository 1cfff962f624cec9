namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for immunoglobulin G.</summary>
public enum ImmunoglobulinGUnit
{
    /// <summary>grams per litre (canonical): UCUM <c>g/L</c>.</summary>
    GramPerLiter,

    /// <summary>milligrams per decilitre: UCUM <c>mg/dL</c>.</summary>
    MilligramPerDeciliter,
}
