namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for sodium.</summary>
public enum SodiumUnit
{
    /// <summary>millimoles per litre (canonical): UCUM <c>mmol/L</c>.</summary>
    MillimolePerLiter,

    /// <summary>milliequivalents per litre: UCUM <c>meq/L</c>.</summary>
    MilliequivalentPerLiter,
}
