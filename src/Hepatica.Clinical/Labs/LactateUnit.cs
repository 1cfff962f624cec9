namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for lactate.</summary>
public enum LactateUnit
{
    /// <summary>millimoles per litre (canonical): UCUM <c>mmol/L</c>.</summary>
    MillimolePerLiter,

    /// <summary>milligrams per decilitre: UCUM <c>mg/dL</c>.</summary>
    MilligramPerDeciliter,
}
