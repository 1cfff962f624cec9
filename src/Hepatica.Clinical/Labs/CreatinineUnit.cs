namespace Hepatica.Clinical.Labs;

/// <summary>Units accepted for creatinine.</summary>
public enum CreatinineUnit
{
    /// <summary>milligrams per decilitre (canonical): UCUM <c>mg/dL</c>.</summary>
    MilligramPerDeciliter,

    /// <summary>micromoles per litre: UCUM <c>umol/L</c>.</summary>
    MicromolePerLiter,
}
