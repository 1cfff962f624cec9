namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for enzyme activities (AST, ALT, ALP).</summary>
public enum EnzymeActivityUnit
{
    /// <summary>international units per litre (canonical): UCUM <c>U/L</c>.</summary>
    UnitPerLiter,
}
