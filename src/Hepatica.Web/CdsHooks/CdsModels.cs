using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Hepatica.Web.CdsHooks;

// The CDS Hooks 2.0 response and discovery shapes as our own records (reference fhir-cds-hooks.md §1.7: Firely's
// experimental model writes nulls and drops fields). Unset optional members are omitted ("JSON elements SHALL NOT be
// null"); `cards` is always written, even when empty.

/// <summary>GET /cds-services.</summary>
internal sealed record DiscoveryResponse(IReadOnlyList<CdsService> Services);

/// <summary>One service of the discovery document.</summary>
internal sealed record CdsService(string Hook, string Id, string Title, string Description, IReadOnlyDictionary<string, string> Prefetch);

/// <summary>
/// A service response: cards (always present) and no system actions; <c>extension</c> (CDS Hooks 2.0, "Extensions": a
/// namespaced member) carries the engine version and the as-of the cards were made for (docs/cds-hooks.md).
/// </summary>
internal sealed record CdsResponse(IReadOnlyList<Card> Cards, IReadOnlyDictionary<string, RunFacts>? Extension = null)
{
    /// <summary>The extension's member name (reverse-domain, as the spec asks of extensions).</summary>
    public const string ExtensionName = "org.hepatica.assessment";

    /// <summary>Cards made by this engine version as of <paramref name="asOf"/> under <paramref name="profile"/>.</summary>
    public static CdsResponse Of(IReadOnlyList<Card> cards, Hepatica.Clinical.AsOf asOf, Hepatica.Clinical.GuidelineProfile profile = Hepatica.Clinical.GuidelineProfiles.Default) =>
        new(cards, new Dictionary<string, RunFacts> { [ExtensionName] = new(Hepatica.Clinical.Engine.Version, asOf.Text, asOf.SourceName, Hepatica.Clinical.GuidelineProfiles.IdOf(profile)) });
}

/// <summary>The engine version, the as-of and the guideline profile of a response (the same keys as the assessment JSON, docs/output.md).</summary>
internal sealed record RunFacts(string EngineVersion, string AsOf, string AsOfSource, string Profile);

/// <summary>A card (spec: Card attributes).</summary>
internal sealed record Card
{
    public required string Uuid { get; init; }
    public required string Summary { get; init; }
    public string? Detail { get; init; }
    public required string Indicator { get; init; }
    public required CardSource Source { get; init; }
    public IReadOnlyList<Suggestion>? Suggestions { get; init; }
    public string? SelectionBehavior { get; init; }
    public IReadOnlyList<Coding>? OverrideReasons { get; init; }
    public IReadOnlyList<CardLink>? Links { get; init; }
}

/// <summary>The card's source: the guideline, with its link.</summary>
internal sealed record CardSource(string Label, string? Url = null, Coding? Topic = null);

/// <summary>A suggestion: a label and the actions it applies together.</summary>
internal sealed record Suggestion(string Label, string Uuid, bool? IsRecommended, IReadOnlyList<CdsAction> Actions);

/// <summary>An action: create, update or delete one FHIR resource.</summary>
internal sealed record CdsAction(string Type, string Description, JsonObject? Resource = null, string? ResourceId = null);

/// <summary>A link (absolute or SMART); a SMART link may carry <c>appContext</c> for the app it launches (CDS Hooks 2.0 Link).</summary>
internal sealed record CardLink(string Label, string Url, string Type, string? AppContext = null);

/// <summary>A FHIR Coding as CDS Hooks uses it.</summary>
internal sealed record Coding(string Code, string? System = null, string? Display = null);

/// <summary>POST /cds-services/{id}/feedback body.</summary>
internal sealed record FeedbackRequest(IReadOnlyList<FeedbackEntry>? Feedback);

/// <summary>One feedback entry (spec §Feedback).</summary>
internal sealed record FeedbackEntry
{
    public string? Card { get; init; }
    public string? Outcome { get; init; }
    public IReadOnlyList<AcceptedSuggestion>? AcceptedSuggestions { get; init; }
    public OverrideReason? OverrideReason { get; init; }
    public string? OutcomeTimestamp { get; init; }
}

/// <summary>An accepted suggestion, by its uuid.</summary>
internal sealed record AcceptedSuggestion(string? Id);

/// <summary>Why a card was overridden.</summary>
internal sealed record OverrideReason(Coding? Reason, string? UserComment);

/// <summary>JSON settings for everything this folder writes and reads.</summary>
internal static class CdsJson
{
    /// <summary>camelCase, nulls omitted; reused (building options per call is slow).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
