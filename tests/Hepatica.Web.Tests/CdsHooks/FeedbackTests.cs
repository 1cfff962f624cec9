using System.Net;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>Feedback (CDS Hooks 2.0 §Feedback, invariants cds-fb-1 to cds-fb-3): recorded when valid, 400 otherwise.</summary>
public sealed class FeedbackTests
{
    private const string Path = "/cds-services/hepatica-patient-view/feedback";

    [Fact]
    public async Task Sample_feedback_recorded()
    {
        await using var host = new CdsHost();
        var response = await host.Post(Path, Requests.Sample("feedback.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Collection(host.Feedback.All,
            f =>
            {
                Assert.Equal("4e0a3a1e-3283-4575-ab82-028d55fe2719", f.Entry.Card);
                Assert.Equal("accepted", f.Entry.Outcome);
                Assert.Equal("e56e1945-20b3-4393-8503-a1a20fd73152", f.Entry.AcceptedSuggestions![0].Id);
                Assert.Equal("hepatica-patient-view", f.Service);
            },
            f =>
            {
                Assert.Equal("overridden", f.Entry.Outcome);
                Assert.Equal("d7ecf885", f.Entry.OverrideReason!.Reason!.Code);
                Assert.Equal("A comment entered by the clinician.", f.Entry.OverrideReason.UserComment);
            });
    }

    [Fact]
    public async Task Feedback_appended_to_jsonl_file()
    {
        var file = System.IO.Path.GetTempFileName();
        try
        {
            await using (var host = new CdsHost(new() { ["Hepatica:CdsHooks:RequireJwt"] = "false", ["Hepatica:CdsHooks:FeedbackPath"] = file }))
            {
                Assert.Equal(HttpStatusCode.OK, (await host.Post(Path, Requests.Sample("feedback.json"))).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await host.Post(Path, Requests.Sample("feedback.json"))).StatusCode);
            }

            var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
            Assert.Equal(4, lines.Length); // two entries per post, appended
            Assert.All(lines, l => Assert.Contains("4e0a3a1e-3283-4575-ab82-028d55fe2719", l, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("""{"feedback":[{"card":"c","outcome":"maybe","outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""", "cds-fb-1")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"accepted","outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""", "cds-fb-2")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","overrideReason":{},"outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""", "cds-fb-3")]
    [InlineData("""{"feedback":[{"outcome":"overridden","outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""", "card is required")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden"}]}""", "outcomeTimestamp")]
    [InlineData("""{"feedback":[]}""", "non-empty")]
    [InlineData("""{"feedback":"yes"}""", "not a feedback object")]
    public async Task Invalid_feedback_400_not_recorded(string body, string why)
    {
        await using var host = new CdsHost();
        var response = await host.Post(Path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issue = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["issues"]![0]!;
        Assert.Equal("CDS005", (string?)issue["code"]);
        Assert.Contains(why, (string?)issue["message"], StringComparison.Ordinal);
        Assert.Empty(host.Feedback.All);
    }

    [Theory]
    [InlineData("""{"feedback":[{"card":"\ud800","outcome":"overridden","overrideReason":{"userComment":"x"},"outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","overrideReason":{"userComment":"a \udc00 b"},"outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""")]
    [InlineData("""{"feedback":[{"\ud800x":"c","outcome":"accepted","outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""")]
    public async Task Feedback_with_lone_surrogate_400_not_500(string body)
    {
        // Issue 10 item 6: an escape that is not UTF-16 text is bad input on every endpoint, feedback included.
        await using var host = new CdsHost();
        var response = await host.Post(Path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Feedback.All);
    }

    [Fact]
    public async Task Feedback_for_unknown_service_404()
    {
        await using var host = new CdsHost();
        Assert.Equal(HttpStatusCode.NotFound, (await host.Post("/cds-services/nope/feedback", Requests.Sample("feedback.json"))).StatusCode);
    }

    [Fact]
    public async Task Memory_keeps_the_newest_MaxFeedbackEntries()
    {
        // feedback.json holds two entries (accepted, then overridden); three posts with a cap of 3 keep the last three.
        await using var host = new CdsHost(new() { ["Hepatica:CdsHooks:RequireJwt"] = "false", ["Hepatica:CdsHooks:MaxFeedbackEntries"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Post(Path, Requests.Sample("feedback.json"))).StatusCode);
        }

        // Six entries arrived: accepted, overridden (x3). The oldest three were dropped.
        Assert.Equal(["overridden", "accepted", "overridden"], host.Feedback.All.Select(f => f.Entry.Outcome).ToArray());
    }
}
