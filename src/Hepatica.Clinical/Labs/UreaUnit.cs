namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for urea.</summary>
public enum UreaUnit
{
    /// <summary>millimoles of urea per litre (canonical): UCUM <c>mmol/L</c>.</summary>
    MillimolePerLiter,

    /// <summary>milligrams of urea per decilitre: UCUM <c>mg/dL</c> under <c>labs.urea</c>.</summary>
    MilligramPerDeciliter,

    /// <summary>milligrams of urea nitrogen per decilitre (BUN): UCUM <c>mg/dL</c> under <c>labs.bun</c>.</summary>
    MilligramNitrogenPerDeciliter,
}
