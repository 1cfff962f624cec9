namespace Hepatica.Clinical.Labs;

/// <summary>
/// What makes one analyte different from another: its accepted units (with their factors and spellings) and its
/// plausibility limits, and its delta rule where one is declared. One short declaration per analyte implements it (see <c>Analytes.cs</c>, the table of analytes);
/// <see cref="Lab{TAnalyte, TUnit}"/> does the rest once for all of them.
/// </summary>
/// <typeparam name="TUnit">The analyte's unit enum; its first table entry is the canonical unit.</typeparam>
public interface IAnalyte<TUnit>
    where TUnit : struct, Enum
{
    /// <summary>The accepted units, canonical first, with their factors and spellings.</summary>
    static abstract UnitTable<TUnit> Units { get; }

    /// <summary>The plausibility limits, in the canonical unit.</summary>
    static abstract LabLimits Limits { get; }

    /// <summary>How far two of the patient's dated results may differ (delta check), or null when no rule is declared.</summary>
    static virtual DeltaRule? Delta => null;
}
