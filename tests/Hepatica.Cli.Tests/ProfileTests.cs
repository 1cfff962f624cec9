using System.Text.Json;

namespace Hepatica.Cli.Tests;

/// <summary>
/// The guideline profile on the command line (issue 11 s.4): <c>--profile us|uk</c> on assess, score and batch; the
/// default is <c>us</c>; every output names the profile, and the profile decides the allocation score (MELD 3.0 under
/// <c>us</c>, OPTN policy 9.1.D 2023; UKELD as the UK listing criterion under <c>uk</c>, NHSBT POL195) and the referral
/// signals (MELD ≥ 15 under <c>us</c>, AASLD/AST 2013; UKELD ≥ 49 under <c>uk</c>). demo-001 has cirrhosis, MELD 3.0 26 and
/// UKELD 59, so both thresholds are crossed and only the profile decides which one shows.
/// </summary>
public sealed class ProfileTests
{
    private const string Issued = "2026-11-21T09:00:00Z";
    private static readonly string Sample = Path.Combine("samples", "demo-001.json");
    private static readonly string Cirrhosis = Path.Combine("tests", "Hepatica.Fhir.Tests", "Fixtures", "cirrhosis-ascites-dialysis.json");

    private static JsonElement Score(JsonElement root, string id) => root.GetProperty("scores").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);

    private static string[] Signals(JsonElement root) => [.. root.GetProperty("transplant").GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    [Fact]
    public async Task AssessText_NoProfile_HeaderNamesUsAndTheAllocationMeld()
    {
        var r = await Hepatica.Run("assess", Sample);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Profile us (OPTN, AASLD, ACIP): the allocation MELD is MELD 3.0 (OPTN policy 9.1.D (2023))", r.Stdout.Split('\n')[2]);
        Assert.Contains("OPTN allocation MELD (policy 9.1.D, since 2023-07-13", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("OPTN allocation score 2016-01-11 to 2023-07-12; replaced by MELD 3.0", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessText_ProfileUk_HeaderNamesUkeldAsTheListingScore()
    {
        var r = await Hepatica.Run("assess", Sample, "--profile", "uk");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Profile uk (NHSBT liver selection policy (UKELD), EASL): the listing score is UKELD (NHSBT POL195); no MELD allocates", r.Stdout.Split('\n')[2]);
        Assert.Contains("UKELD 59 (≥ 49): meets the UK minimum for listing", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("refer for transplant evaluation. (AASLD/AST 2013)", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "us", "meld-3.0", "allocation")]
    [InlineData("us", "us", "meld-3.0", "allocation")]
    [InlineData("uk", "uk", "ukeld", "listing")]
    public async Task AssessJson_Profile_NamedWithItsAllocationScore(string? profile, string id, string allocation, string role)
    {
        string[] args = profile is null ? ["assess", Sample, "--format", "json"] : ["assess", Sample, "--format", "json", "--profile", profile];
        var r = await Hepatica.Run(args);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(id, root.GetProperty("profile").GetString());
        Assert.Equal(allocation, root.GetProperty("allocationScore").GetProperty("id").GetString());
        Assert.Equal(role, root.GetProperty("allocationScore").GetProperty("role").GetString());
        Assert.Equal(role, Score(root, allocation).GetProperty("role").GetString());
        Assert.False(Score(root, "child-pugh").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task AssessJson_ProfileUs_OtherMeldsAreHistoryOrResearch()
    {
        var r = await Hepatica.Run("assess", Sample, "--format", "json");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("history", Score(doc.RootElement, "meld-na").GetProperty("role").GetString());
        Assert.Equal("history", Score(doc.RootElement, "meld").GetProperty("role").GetString());
        Assert.Equal("research", Score(doc.RootElement, "meld-na-kim-2008").GetProperty("role").GetString());
        Assert.Equal("other-system", Score(doc.RootElement, "ukeld").GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("us", "meld-15-cirrhosis", "ukeld-49")]
    [InlineData("uk", "ukeld-49", "meld-15-cirrhosis")]
    public async Task AssessJson_Profile_ShowsItsReferralSignalOnly(string profile, string shown, string hidden)
    {
        var r = await Hepatica.Run("assess", Sample, "--format", "json", "--profile", profile);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Contains(shown, Signals(doc.RootElement));
        Assert.DoesNotContain(hidden, Signals(doc.RootElement));
        Assert.Equal(59m, Score(doc.RootElement, "ukeld").GetProperty("value").GetDecimal()); // computed under both
        Assert.Equal(26m, Score(doc.RootElement, "meld-3.0").GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("score")]
    [InlineData("batch")]
    public async Task EveryAssessingCommand_UnknownProfile_UsageErrorNamingTheKnownOnes(string command)
    {
        string[] args = command switch
        {
            "score" => ["score", "meld-3.0", Sample, "--profile", "eu"],
            "batch" => ["batch", "-", "-", "--profile", "eu"],
            _ => ["assess", Sample, "--profile", "eu"],
        };
        var r = await Hepatica.RunWithInput("{}\n", args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown --profile 'eu'. Known: us, uk.", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stdout);
    }

    [Fact]
    public async Task ScoreJson_ProfileUk_RecordNamesTheProfile()
    {
        var r = await Hepatica.Run("score", "meld-3.0", Sample, "--format", "json", "--profile", "uk");
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("uk", doc.RootElement.GetProperty("profile").GetString());
        Assert.Equal("other-system", Score(doc.RootElement, "meld-3.0").GetProperty("role").GetString());
    }

    [Theory]
    [InlineData(null, "us")]
    [InlineData("uk", "uk")]
    public async Task Batch_CompactRecords_CarryTheProfile(string? profile, string expected)
    {
        var input = File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "demo-001.json")).ReplaceLineEndings(" ") + "\n";
        string[] args = profile is null ? ["batch", "-", "-", "--threads", "1", "--issued", Issued] : ["batch", "-", "-", "--threads", "1", "--issued", Issued, "--profile", profile];
        var r = await Hepatica.RunWithInput(input, args);
        Assert.Equal(0, r.ExitCode);
        using var record = JsonDocument.Parse(r.Stdout.Split('\n')[0]);
        Assert.Equal(expected, record.RootElement.GetProperty("profile").GetString());
        Assert.True(record.RootElement.TryGetProperty("allocationScore", out _));
    }

    [Theory]
    [InlineData(null, "us")]
    [InlineData("uk", "uk")]
    public async Task AssessFhir_Provenance_NamesTheProfile(string? profile, string expected)
    {
        string[] args = profile is null
            ? ["assess", Cirrhosis, "--format", "fhir", "--issued", Issued]
            : ["assess", Cirrhosis, "--format", "fhir", "--issued", Issued, "--profile", profile];
        var r = await Hepatica.Run(args);
        using var doc = JsonDocument.Parse(r.Stdout);
        var provenance = doc.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Single(x => x.GetProperty("resourceType").GetString() == "Provenance");
        var extension = provenance.GetProperty("extension").EnumerateArray()
            .Single(e => e.GetProperty("url").GetString() == "https://hepatica.org/fhir/StructureDefinition/guideline-profile");
        Assert.Equal(expected, extension.GetProperty("valueCode").GetString());
    }
}
