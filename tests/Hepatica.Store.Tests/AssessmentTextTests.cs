using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hepatica.Store.Database;

namespace Hepatica.Store.Tests;

/// <summary>The stored form of an assessment (schema v2): Brotli after a length prefix, the same text back.</summary>
public sealed class AssessmentTextTests
{
    [Property(MaxTest = 200)]
    public Property Decompress_OfCompress_IsTheSameText() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>().Filter(s => IsWellFormed(s.Get)), s =>
            AssessmentText.Decompress(AssessmentText.Compress(s.Get)) == s.Get);

    [Fact]
    public void Compress_ALargeRepetitiveAssessment_IsMuchSmallerAndComesBackWhole()
    {
        var json = new StringBuilder("{\"scores\":[");
        for (var i = 0; i < 400; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"id\":\"meld-3\",\"value\":").Append(i).Append(",\"steps\":[\"floor creatinine at 1.0 mg/dL\",\"cap INR\"]}");
        }

        var text = json.Append("]}").ToString();
        var stored = AssessmentText.Compress(text);

        Assert.True(stored.Length * 10 < Encoding.UTF8.GetByteCount(text), $"{stored.Length} of {text.Length}");
        Assert.Equal(text, AssessmentText.Decompress(stored));
        Assert.Equal("", AssessmentText.Decompress(AssessmentText.Compress("")));
    }

    [Fact]
    public void Decompress_TruncatedOrCorrupt_Throws()
    {
        var stored = AssessmentText.Compress("{\"a\":1}");
        Assert.Throws<InvalidDataException>(() => AssessmentText.Decompress(stored[..3]));
        Assert.Throws<InvalidDataException>(() => AssessmentText.Decompress(stored[..^2]));
    }

    private static bool IsWellFormed(string s)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(s);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
