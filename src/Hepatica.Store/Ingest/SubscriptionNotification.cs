using Hl7.Fhir.Model;

namespace Hepatica.Store;

/// <summary>The kind of a Subscription notification (R4 Subscriptions Backport IG 1.1.0, 2023, "Notification Types").</summary>
public enum NotificationType
{
    /// <summary><c>handshake</c>: sent once when a Subscription is activated; carries no data.</summary>
    Handshake,

    /// <summary><c>heartbeat</c>: sent when nothing happened for the heartbeat period; carries no data.</summary>
    Heartbeat,

    /// <summary><c>event-notification</c>: one or more events, with their resources when the content is full-resource.</summary>
    EventNotification,

    /// <summary><c>query-status</c>: the answer to a <c>$status</c> query; carries no data.</summary>
    QueryStatus,

    /// <summary><c>query-event</c>: the answer to an <c>$events</c> query; read like an event notification.</summary>
    QueryEvent,
}

/// <summary>
/// What a topic-based Subscription notification says about itself (HL7 FHIR Subscriptions R5 Backport IG 1.1.0, STU 1.1,
/// 2023: profile <c>backport-subscription-notification-r4</c>): a Bundle of type <c>history</c> whose first entry is a
/// Parameters resource with the <c>backport-subscription-status-r4</c> profile, naming the subscription, the
/// notification type and the event count; the events' resources follow in the next entries when the Subscription's
/// payload content is <c>full-resource</c>. The web host answers a handshake or heartbeat without storing anything.
/// </summary>
/// <param name="Type">The notification type.</param>
/// <param name="Subscription">The <c>subscription</c> parameter's reference (<c>https://ehr.example/fhir/Subscription/labs</c>), when given.</param>
/// <param name="Topic">The <c>topic</c> canonical, when given.</param>
/// <param name="EventsSinceSubscriptionStart">The <c>events-since-subscription-start</c> count, when given.</param>
public sealed record SubscriptionNotification(NotificationType Type, string? Subscription, string? Topic, long? EventsSinceSubscriptionStart)
{
    /// <summary>The profile of the status Parameters (IG 1.1.0, R4).</summary>
    public const string StatusProfile = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";

    /// <summary>The profile of the notification Bundle (IG 1.1.0, R4).</summary>
    public const string NotificationProfile = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-notification-r4";

    /// <summary>True when the Bundle is a Subscription notification: type history and a status Parameters first.</summary>
    public static bool Is(Bundle bundle) =>
        bundle is { Type: Bundle.BundleType.History, Entry: [{ Resource: Parameters p }, ..] } && p.Meta?.Profile?.Contains(StatusProfile) == true;

    /// <summary>
    /// Reads the status Parameters of a notification Bundle; null when <paramref name="bundle"/> is not one
    /// (<see cref="Is"/>) or its <c>type</c> parameter is missing or not one of the IG's codes.
    /// </summary>
    public static SubscriptionNotification? Read(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (!Is(bundle))
        {
            return null;
        }

        var status = (Parameters)bundle.Entry[0].Resource!;
        var type = TypeOf((status.GetSingleValue<Code>("type") ?? status.GetSingleValue<FhirString>("type") as PrimitiveType)?.ToString());
        if (type is null)
        {
            return null;
        }

        var subscription = status.GetSingleValue<ResourceReference>("subscription")?.Reference;
        var topic = (status.GetSingleValue<Canonical>("topic") as PrimitiveType ?? status.GetSingleValue<FhirUri>("topic"))?.ToString();
        return new SubscriptionNotification(type.Value, subscription, topic, Count(status));
    }

    /// <summary><c>events-since-subscription-start</c>: a string in R4 (R4 has no integer64), an integer in some senders.</summary>
    private static long? Count(Parameters status)
    {
        const string name = "events-since-subscription-start";
        if (status.GetSingleValue<FhirString>(name)?.Value is { } text)
        {
            return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        }

        return status.GetSingleValue<UnsignedInt>(name)?.Value ?? status.GetSingleValue<Integer>(name)?.Value;
    }

    /// <summary>The IG's code of a notification type.</summary>
    public static string CodeOf(NotificationType type) => type switch
    {
        NotificationType.Handshake => "handshake",
        NotificationType.Heartbeat => "heartbeat",
        NotificationType.EventNotification => "event-notification",
        NotificationType.QueryStatus => "query-status",
        NotificationType.QueryEvent => "query-event",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A notification type is handshake, heartbeat, event-notification, query-status or query-event."),
    };

    private static NotificationType? TypeOf(string? code) => code switch
    {
        "handshake" => NotificationType.Handshake,
        "heartbeat" => NotificationType.Heartbeat,
        "event-notification" => NotificationType.EventNotification,
        "query-status" => NotificationType.QueryStatus,
        "query-event" => NotificationType.QueryEvent,
        _ => null,
    };

    /// <summary>True when the notification may carry resources (an event notification or an $events answer).</summary>
    public bool CarriesEvents => Type is NotificationType.EventNotification or NotificationType.QueryEvent;
}
