using System.Text.Json.Nodes;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// The rules every CDS Hooks 2.0 response must keep, taken from the spec's tables (Card, Suggestion, Action, Link,
/// Source) and the IG invariants cds-resp-1 to cds-resp-6 (reference fhir-cds-hooks.md §2.4 and §2.7).
/// </summary>
internal static class CardContract
{
    private static readonly string[] Indicators = ["info", "warning", "critical"];

    public static void Check(JsonNode? body)
    {
        Assert.NotNull(body);
        var cards = Assert.IsType<JsonArray>(body!["cards"]); // `cards` present even when empty
        Assert.Null(body["systemActions"]); // absent when there are none
        NoNulls(body, "$");
        var uuids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in cards)
        {
            var card = node!.AsObject();
            var summary = (string?)card["summary"];
            Assert.False(string.IsNullOrWhiteSpace(summary));
            Assert.True(summary!.Length < 140, $"summary is {summary.Length} characters: {summary}");
            Assert.Contains((string?)card["indicator"], Indicators);
            Assert.False(string.IsNullOrWhiteSpace((string?)card["source"]?["label"]));
            Assert.StartsWith("https://", (string?)card["source"]?["url"]); // the guideline's link
            Assert.True(Guid.TryParse((string?)card["uuid"], out _));
            Assert.True(uuids.Add((string)card["uuid"]!), "card uuids are unique");
            if (card["suggestions"] is JsonArray suggestions)
            {
                Assert.NotEmpty(suggestions);
                var behavior = (string?)card["selectionBehavior"];
                Assert.Contains(behavior, (string[])["at-most-one", "any"]); // cds-resp-6
                if (behavior == "at-most-one")
                {
                    Assert.True(suggestions.Count(s => (bool?)s!["isRecommended"] == true) <= 1); // cds-resp-1
                }

                foreach (var s in suggestions)
                {
                    Assert.False(string.IsNullOrWhiteSpace((string?)s!["label"]));
                    Assert.True(Guid.TryParse((string?)s["uuid"], out _));
                    Assert.True(uuids.Add((string)s["uuid"]!), "suggestion uuids are unique");
                    foreach (var a in s["actions"]!.AsArray())
                    {
                        var type = (string?)a!["type"];
                        Assert.Contains(type, (string[])["create", "update", "delete"]);
                        Assert.False(string.IsNullOrWhiteSpace((string?)a["description"])); // cds-resp-5
                        if (type is "create" or "update")
                        {
                            Assert.NotNull((string?)a["resource"]?["resourceType"]);
                        }
                        else
                        {
                            Assert.NotNull((string?)a["resourceId"]); // cds-resp-2
                            Assert.Null(a["resource"]);
                        }
                    }
                }
            }
            else
            {
                Assert.Null(card["selectionBehavior"]);
            }

            foreach (var reason in card["overrideReasons"]?.AsArray() ?? [])
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)reason!["display"])); // cds-resp-4
                Assert.False(string.IsNullOrWhiteSpace((string?)reason["code"]));
            }

            foreach (var link in card["links"]?.AsArray() ?? [])
            {
                Assert.Contains((string?)link!["type"], (string[])["absolute", "smart"]);
                if ((string?)link["type"] != "smart")
                {
                    Assert.Null(link["appContext"]); // cds-resp-3
                }
            }
        }
    }

    /// <summary>"JSON elements SHALL NOT be null."</summary>
    private static void NoNulls(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                Assert.Fail($"{path} is null");
                break;
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    NoNulls(v, path + "." + k);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    NoNulls(a[i], $"{path}[{i}]");
                }

                break;
        }
    }
}
