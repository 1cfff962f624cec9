namespace Hepatica.Clinical.Findings;

/// <summary>Vaccines the prevention plan reads. Snapshot ids are listed in <see cref="Prevention.VaccineCodes"/>.</summary>
public enum Vaccine
{
    /// <summary>Hepatitis B, 3-dose adult vaccines (Engerix-B, Recombivax HB): <c>hepb</c>.</summary>
    HepB,

    /// <summary>Hepatitis B with CpG 1018 adjuvant (Heplisav-B), 2 doses: <c>hepb-cpg</c>.</summary>
    HepBCpg,

    /// <summary>Hepatitis B 3-antigen vaccine (PreHevbrio), 3 doses: <c>hepb-3ag</c>.</summary>
    HepB3Antigen,

    /// <summary>Hepatitis A, single antigen (Havrix, Vaqta), 2 doses: <c>hepa</c>.</summary>
    HepA,

    /// <summary>Hepatitis A and B combined (Twinrix), 3 doses: <c>hepa-hepb</c>.</summary>
    HepAHepB,

    /// <summary>Pneumococcal conjugate, 13-valent: <c>pcv13</c>.</summary>
    Pcv13,

    /// <summary>Pneumococcal conjugate, 15-valent: <c>pcv15</c>.</summary>
    Pcv15,

    /// <summary>Pneumococcal conjugate, 20-valent: <c>pcv20</c>.</summary>
    Pcv20,

    /// <summary>Pneumococcal conjugate, 21-valent: <c>pcv21</c>.</summary>
    Pcv21,

    /// <summary>Pneumococcal polysaccharide, 23-valent: <c>ppsv23</c>.</summary>
    Ppsv23,

    /// <summary>Influenza, inactivated or recombinant: <c>influenza</c>.</summary>
    Influenza,

    /// <summary>Influenza, live attenuated (LAIV): <c>laiv</c>.</summary>
    Laiv,

    /// <summary>Recombinant zoster (Shingrix): <c>rzv</c>.</summary>
    Rzv,

    /// <summary>Zoster, live (Zostavax, no longer available in the US): <c>zvl</c>.</summary>
    Zvl,

    /// <summary>Tetanus, diphtheria and acellular pertussis: <c>tdap</c>.</summary>
    Tdap,

    /// <summary>Tetanus and diphtheria: <c>td</c>.</summary>
    Td,

    /// <summary>COVID-19, any: <c>covid-19</c>.</summary>
    Covid19,

    /// <summary>Measles, mumps, rubella (live): <c>mmr</c>.</summary>
    Mmr,

    /// <summary>Varicella (live): <c>varicella</c>.</summary>
    Varicella,

    /// <summary>Yellow fever (live): <c>yellow-fever</c>.</summary>
    YellowFever,
}

/// <summary>One vaccine dose given.</summary>
/// <param name="Vaccine">The vaccine.</param>
/// <param name="Date">The date it was given.</param>
/// <param name="Cvx">The CVX code, when given.</param>
public sealed record Vaccination(Vaccine Vaccine, DateOnly Date, string? Cvx = null);

/// <summary>History items that decide infection prophylaxis and vaccination; null when not given.</summary>
public sealed record MedicalHistory
{
    /// <summary>No history given.</summary>
    public static readonly MedicalHistory Empty = new();

    /// <summary>A previous episode of spontaneous bacterial peritonitis.</summary>
    public bool? PriorSbp { get; init; }

    /// <summary>Gastrointestinal bleeding now.</summary>
    public bool? GiBleedingNow { get; init; }

    /// <summary>Solid organ (liver) transplant recipient.</summary>
    public bool? TransplantRecipient { get; init; }

    /// <summary>The liver disease is alcohol-related.</summary>
    public bool? AlcoholRelatedLiverDisease { get; init; }
}
