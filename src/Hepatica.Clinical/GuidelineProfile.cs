using Hepatica.Clinical.Scores;
using Hepatica.Clinical.Scoring;
using Hepatica.Clinical.Transplant;

namespace Hepatica.Clinical;

/// <summary>
/// The guideline profile an assessment follows, chosen explicitly by the caller (CLI <c>--profile</c>, API
/// <c>profile</c>, web setting <c>Hepatica:Profile</c>); the default is <see cref="Us"/>. It decides which score is
/// presented as the allocation (or listing) score and which transplant referral signals are shown; every score is
/// still computed. Rules and sources: docs/transplant.md, "Guideline profiles".
/// </summary>
public enum GuidelineProfile
{
    /// <summary>United States: OPTN allocation policy, AASLD guidance, ACIP vaccines: <c>us</c> (the default).</summary>
    Us,

    /// <summary>United Kingdom: UKELD and the NHSBT liver selection policy: <c>uk</c>.</summary>
    Uk,
}

/// <summary>What a score is for under a profile.</summary>
public enum ScoreRoleKind
{
    /// <summary>The profile's allocation score (one per profile at most): <c>allocation</c>.</summary>
    Allocation,

    /// <summary>The profile's listing criterion (UKELD under <c>uk</c>): <c>listing</c>.</summary>
    Listing,

    /// <summary>Was the allocation score of the profile's system, no longer: <c>history</c>.</summary>
    History,

    /// <summary>A research form, never an allocation score: <c>research</c>.</summary>
    Research,

    /// <summary>Another system's allocation or listing score, computed for reference only: <c>other-system</c>.</summary>
    OtherSystem,
}

/// <summary>What one score is for under a profile, in words, with the policy that says so.</summary>
/// <param name="ScoreId">The score's id.</param>
/// <param name="Kind">Its role.</param>
/// <param name="Text">One phrase for the clinician, e.g. "OPTN allocation MELD (policy 9.1.D, since 2023-07-13)".</param>
/// <param name="Source">The policy or publication.</param>
public sealed record ScoreRole(string ScoreId, ScoreRoleKind Kind, string Text, Citation Source)
{
    /// <summary>The stable kebab-case name of <see cref="Kind"/>.</summary>
    public string KindName => GuidelineProfiles.IdOf(Kind);
}

/// <summary>The profiles' ids, texts and rules: which score allocates (or lists) and which transplant signals show.</summary>
public static class GuidelineProfiles
{
    /// <summary>NHSBT POL195/7, the UK liver selection policy (rewritten for the National Liver Offering Scheme, 2018).</summary>
    public static readonly Citation NhsbtPol195 = new(
        "NHSBT POL195",
        "NHS Blood and Transplant, Liver Advisory Group. POL195/7 Liver Transplantation: Selection Criteria and Recipient Registration (rewritten to reflect the National Liver Offering Scheme, 2018): adults with chronic liver disease are listed at a UKELD of 49 or more (or a variant syndrome); allocation of livers from deceased donors to elective recipients uses the Transplant Benefit Score (POL196), not UKELD.",
        2018, "https://www.odt.nhs.uk/transplantation/tools-policies-and-guidance/policies-and-guidance/");

    /// <summary>The default profile when none is chosen: <see cref="GuidelineProfile.Us"/> (what Hepatica did before profiles existed).</summary>
    public const GuidelineProfile Default = GuidelineProfile.Us;

    /// <summary>The accepted ids, for messages.</summary>
    public const string AcceptedIds = "us, uk";

    /// <summary>The transplant signals each profile shows (the others are computed by no rule of that profile's sources).</summary>
    private static readonly string[] UsSignals = [TransplantSignal.AlfKingsCollege, TransplantSignal.AclfGrade2To3, TransplantSignal.Meld15Cirrhosis, TransplantSignal.Decompensation];

    private static readonly string[] UkSignals = [TransplantSignal.AlfKingsCollege, TransplantSignal.AclfGrade2To3, TransplantSignal.Decompensation, TransplantSignal.Ukeld49];

    /// <summary>The stable id: <c>us</c> or <c>uk</c>.</summary>
    /// <param name="profile">The profile.</param>
    public static string IdOf(GuidelineProfile profile) => profile switch
    {
        GuidelineProfile.Us => "us",
        GuidelineProfile.Uk => "uk",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Known profiles: " + AcceptedIds),
    };

    /// <summary>The profile with this id (<c>us</c>, <c>uk</c>; case-insensitive, trimmed), or null.</summary>
    /// <param name="id">The id as given.</param>
    public static GuidelineProfile? Parse(string? id) => id?.Trim().ToLowerInvariant() switch
    {
        "us" => GuidelineProfile.Us,
        "uk" => GuidelineProfile.Uk,
        _ => null,
    };

    /// <summary>The sources a profile follows, in words: <c>OPTN, AASLD, ACIP</c> or <c>NHSBT liver selection policy (UKELD), EASL</c>.</summary>
    /// <param name="profile">The profile.</param>
    public static string SourcesOf(GuidelineProfile profile) => profile switch
    {
        GuidelineProfile.Us => "OPTN, AASLD, ACIP",
        GuidelineProfile.Uk => "NHSBT liver selection policy (UKELD), EASL",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Known profiles: " + AcceptedIds),
    };

    /// <summary>The stable kebab-case name of a role kind.</summary>
    /// <param name="kind">The kind.</param>
    public static string IdOf(ScoreRoleKind kind) => kind switch
    {
        ScoreRoleKind.Allocation => "allocation",
        ScoreRoleKind.Listing => "listing",
        ScoreRoleKind.History => "history",
        ScoreRoleKind.Research => "research",
        ScoreRoleKind.OtherSystem => "other-system",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown score role."),
    };

    /// <summary>
    /// The profile's one allocation score: MELD 3.0 under <c>us</c> (OPTN policy 9.1.D since 2023-07-13, candidates 12
    /// and older); under <c>uk</c> no MELD allocates and UKELD is the listing criterion (NHSBT POL195), so this is UKELD
    /// with the role <see cref="ScoreRoleKind.Listing"/>.
    /// </summary>
    /// <param name="profile">The profile.</param>
    public static ScoreRole AllocationScore(GuidelineProfile profile) =>
        RoleOf(profile, profile == GuidelineProfile.Uk ? Ukeld.Definition : Meld3.Definition)!;

    private const string UsFamilyUnderUk = "US (OPTN) allocation family; not used for UK listing or allocation";

    /// <summary>What each allocation-family score is for, by profile (a null profile: under every profile).</summary>
    private static readonly (GuidelineProfile? Profile, ScoreDefinition Score, ScoreRoleKind Kind, string Text, Citation Source)[] Roles =
    [
        (GuidelineProfile.Us, Meld3.Definition, ScoreRoleKind.Allocation, "OPTN allocation MELD (policy 9.1.D, since 2023-07-13; candidates 12 and older)", Meld3.OptnPolicy2023),
        (GuidelineProfile.Us, MeldNa.Definition, ScoreRoleKind.History, "OPTN allocation score 2016-01-11 to 2023-07-12; replaced by MELD 3.0", Sources.OptnPolicy2016),
        (GuidelineProfile.Us, Meld.Definition, ScoreRoleKind.History, "OPTN allocation score 2002 to 2016-01-10; replaced by MELD-Na, then MELD 3.0", Meld.Wiesner2003),
        (GuidelineProfile.Us, Peld.Definition, ScoreRoleKind.History, "OPTN allocation score under 12 years before 2023-07-13 (PELD Cr since, not computed here)", Meld3.OptnPolicy2023),
        (GuidelineProfile.Us, Ukeld.Definition, ScoreRoleKind.OtherSystem, "UK listing criterion (NHSBT); not used for US listing or allocation", NhsbtPol195),
        (null, MeldNaKim2008.Definition, ScoreRoleKind.Research, "research form (Kim 2008); never an allocation score", MeldNaKim2008.Kim2008),
        (GuidelineProfile.Uk, Ukeld.Definition, ScoreRoleKind.Listing, "UK listing criterion for chronic liver disease: UKELD ≥ 49 (NHSBT POL195); UK allocation uses the Transplant Benefit Score, not computed here", NhsbtPol195),
        (GuidelineProfile.Uk, Meld3.Definition, ScoreRoleKind.OtherSystem, UsFamilyUnderUk, NhsbtPol195),
        (GuidelineProfile.Uk, MeldNa.Definition, ScoreRoleKind.OtherSystem, UsFamilyUnderUk, NhsbtPol195),
        (GuidelineProfile.Uk, Meld.Definition, ScoreRoleKind.OtherSystem, UsFamilyUnderUk, NhsbtPol195),
        (GuidelineProfile.Uk, Peld.Definition, ScoreRoleKind.OtherSystem, UsFamilyUnderUk, NhsbtPol195),
    ];

    /// <summary>What an allocation-family score (MELD, MELD-Na, MELD-Na Kim 2008, MELD 3.0, PELD, UKELD) is for under the profile; null for every other score.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="score">The score.</param>
    public static ScoreRole? RoleOf(GuidelineProfile profile, ScoreDefinition score)
    {
        ArgumentNullException.ThrowIfNull(score);
        foreach (var r in Roles)
        {
            if ((r.Profile is null || r.Profile == profile) && string.Equals(r.Score.Id, score.Id, StringComparison.Ordinal))
            {
                return new(score.Id, r.Kind, r.Text, r.Source);
            }
        }

        return null;
    }

    /// <summary>
    /// True when the profile shows this transplant signal: under <c>us</c> MELD ≥ 15 (AASLD/AST 2013) and not UKELD ≥ 49;
    /// under <c>uk</c> UKELD ≥ 49 (NHSBT POL195) and not MELD ≥ 15; acute liver failure, ACLF grade 2-3 and
    /// decompensation under both (EASL). An id the profiles do not list is shown (a new signal is never hidden silently).
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="signalId">The signal's id.</param>
    public static bool Shows(GuidelineProfile profile, string signalId)
    {
        ArgumentNullException.ThrowIfNull(signalId);
        var mine = profile == GuidelineProfile.Uk ? UkSignals : UsSignals;
        var other = profile == GuidelineProfile.Uk ? UsSignals : UkSignals;
        return mine.Contains(signalId) || !other.Contains(signalId);
    }

    /// <summary>The transplant section as the profile shows it (signals outside the profile removed).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="section">The section as evaluated.</param>
    public static TransplantSection Filter(GuidelineProfile profile, TransplantSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        // Possible signals (issue 11 s.2) follow the same profile, and the paths that would settle them are only those of
        // the possible signals still shown (a UKELD 49 signal under us must not ask for findings.cirrhosis).
        var possible = section.Possible.Where(p => Shows(profile, p.Signal.Id)).ToList();
        var dropped = section.Possible.Where(p => !Shows(profile, p.Signal.Id)).SelectMany(p => p.SettledBy).ToHashSet(StringComparer.Ordinal);
        var kept = possible.SelectMany(p => p.SettledBy).ToHashSet(StringComparer.Ordinal);
        return section with
        {
            Signals = [.. section.Signals.Where(s => Shows(profile, s.Id))],
            Possible = possible,
            Missing = [.. section.Missing.Where(m => kept.Contains(m) || !dropped.Contains(m))],
        };
    }
}
