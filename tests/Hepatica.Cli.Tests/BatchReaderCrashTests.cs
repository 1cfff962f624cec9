using System.Text;
using System.Text.Json;
using Hepatica.Cli.Batch;
using Hepatica.Json;

namespace Hepatica.Cli.Tests;

/// <summary>
/// A line the reader cannot decode is that line's error record, and the run goes on (issue 10): a lone surrogate
/// escape used to abort the whole batch with exit 3 and no record for the bad line.
/// </summary>
public sealed class BatchReaderCrashTests
{
    private const string Good = """{"id":"g","ageYears":54,"labs":{"bilirubin":{"value":2.1,"unit":"mg/dL"},"creatinine":{"value":1.2,"unit":"mg/dL"},"inr":{"value":1.8}}}""";

    private static async Task<List<JsonElement>> Run(string input)
    {
        using var inStream = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var outStream = new MemoryStream();
        await BatchRunner.RunAsync(inStream, outStream, new BatchOptions(Detail.Compact, 2, 1 << 20, 1 << 20), null, TestContext.Current.CancellationToken);
        var output = Encoding.UTF8.GetString(outStream.ToArray());
        return [.. output.Split('\n')[..^1].Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    [Theory]
    [InlineData("""{"id":"a\ud800"}""")]
    [InlineData("""{"\udc00":1}""")]
    [InlineData("""{"labs":{"bilirubin":{"value":2,"unit":"mg\ud800x/dL"}}}""")]
    [InlineData("""{"sex":"\ud800\u0041"}""")]
    [InlineData("""{"assessmentDate":"9999-12-31","vaccinations":[{"vaccine":"hepb","date":"0001-01-01"}]}""")]
    [InlineData("""{"ageYears":123456789012345678901234567890123456789}""")]
    public async Task RunAsync_BadLine_GetsItsOwnErrorRecordAndTheFollowingLinesTheirs(string bad)
    {
        var records = await Run(Good + "\n" + bad + "\n" + Good + "\n" + Good + "\n");

        Assert.Equal(4, records.Count);
        Assert.Equal(2, records[1].GetProperty("line").GetInt64());
        Assert.NotEmpty(records[1].GetProperty("errors").EnumerateArray());
        foreach (var i in new[] { 0, 2, 3 })
        {
            Assert.Equal(i + 1, records[i].GetProperty("line").GetInt64());
            Assert.Equal("g", records[i].GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task RunAsync_ByteOrderMarkOnTheFirstLine_IsAccepted()
    {
        var records = await Run("\uFEFF" + Good + "\n" + Good + "\n");

        Assert.Equal(2, records.Count);
        Assert.Equal("g", records[0].GetProperty("id").GetString());
    }
}
