namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for INR.</summary>
public enum InrUnit
{
    /// <summary>a ratio (no unit): UCUM <c>1</c>.</summary>
    Ratio,
}
