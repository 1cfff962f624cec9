namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for cell counts (platelets, white cells, lymphocytes, neutrophils; aliases <c>PlateletsUnit</c>, <c>WhiteCellsUnit</c>, <c>LymphocytesUnit</c>, <c>NeutrophilsUnit</c>).</summary>
public enum CellCountUnit
{
    /// <summary>10^9 per litre (canonical): UCUM <c>10*9/L</c>.</summary>
    BillionPerLiter,

    /// <summary>10^3 per microlitre (equal to 10^9/L): UCUM <c>10*3/uL</c>.</summary>
    ThousandPerMicroliter,

    /// <summary>cells per microlitre: UCUM <c>/uL</c>.</summary>
    PerMicroliter,
}
