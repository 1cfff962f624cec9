namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for phosphate.</summary>
public enum PhosphateUnit
{
    /// <summary>millimoles per litre (canonical): UCUM <c>mmol/L</c>.</summary>
    MillimolePerLiter,

    /// <summary>milligrams of phosphorus per decilitre: UCUM <c>mg/dL</c>.</summary>
    MilligramPerDeciliter,
}
