using Microsoft.AspNetCore.Mvc.Testing;
using static Hepatica.Web.Tests.Api;

namespace Hepatica.Web.Tests;

/// <summary>Bad input is never a server error: hundreds of truncated, mutated and random bodies, each answered below 500.</summary>
public sealed class FuzzTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("/api/assess", AppJson)]
    [InlineData("/api/assess?asOf=2026-11-20", FhirJson)]
    [InlineData("/api/scores/meld-3.0?explain=true", AppJson)]
    public async Task Assess_FuzzedBodies_NeverServerError(string url, string contentType)
    {
        var random = new Random(20261125); // fixed seed: a failure names the body, and the run repeats it
        var seeds = new[]
        {
            await File.ReadAllBytesAsync(Demo, Ct),
            await File.ReadAllBytesAsync(Cirrhosis, Ct),
            await File.ReadAllBytesAsync(RepoRoot.File("samples", "immune-001.json"), Ct),
            await File.ReadAllBytesAsync(RepoRoot.File("tests", "Hepatica.Fhir.Tests", "Fixtures", "hepatitis-b-serology.json"), Ct),
        };
        using var client = factory.CreateClient();
        var failures = new List<string>();

        for (var i = 0; i < 120; i++)
        {
            var body = Mutate(seeds[random.Next(seeds.Length)], random);
            using var response = await Post(client, url, Body(body, contentType));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"#{i} {(int)response.StatusCode}: {Convert.ToBase64String(body.AsSpan(0, Math.Min(body.Length, 300)))}");
            }
        }

        Assert.Empty(failures);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        switch (random.Next(6))
        {
            case 0: // truncated anywhere
                return seed[..random.Next(seed.Length)];
            case 1: // random bytes
                var noise = new byte[random.Next(1, 200)];
                random.NextBytes(noise);
                return noise;
            case 2: // a few bytes flipped
                var flipped = (byte[])seed.Clone();
                for (var k = random.Next(1, 8); k > 0; k--)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return flipped;
            case 3: // a JSON punctuation or value dropped in
                var tokens = new[] { "{", "}", "[", "]", ",", ":", "\"", "null", "-1e999", "1e400", "true", "\"\\u0000\"", "0.0000000000000000000001" };
                var at = random.Next(seed.Length);
                return [.. seed[..at], .. System.Text.Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]), .. seed[at..]];
            case 4: // every number replaced by an extreme one
                var text = System.Text.Encoding.UTF8.GetString(seed);
                var extreme = new[] { "-0", "1e308", "-1e308", "79228162514264337593543950336", "0", "-5" }[random.Next(6)];
                return System.Text.Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(text, @"(?<=: ?)-?\d+(\.\d+)?", extreme));
            default: // a section removed
                var from = random.Next(seed.Length);
                var length = random.Next(seed.Length - from);
                return [.. seed[..from], .. seed[(from + length)..]];
        }
    }
}
