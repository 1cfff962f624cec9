using System.Net;
using Hepatica.Web.CdsHooks;

namespace Hepatica.Web.Tests.CdsHooks;

/// <summary>
/// The address rules of the outgoing clients (<see cref="Outbound"/>), as pure functions: no socket is opened, so
/// private, link-local and public addresses can be checked without connecting anywhere.
/// </summary>
public sealed class OutboundAddressTests
{
    [Theory]
    [InlineData("169.254.169.254", "Forbidden")] // cloud metadata
    [InlineData("169.254.0.1", "Forbidden")]
    [InlineData("0.0.0.0", "Forbidden")]
    [InlineData("0.1.2.3", "Forbidden")]
    [InlineData("224.0.0.1", "Forbidden")]
    [InlineData("255.255.255.255", "Forbidden")]
    [InlineData("240.0.0.1", "Forbidden")]
    [InlineData("::", "Forbidden")]
    [InlineData("::169.254.169.254", "Forbidden")] // IPv4-compatible (deprecated)
    [InlineData("fe80::1", "Forbidden")]
    [InlineData("febf::1", "Forbidden")]
    [InlineData("ff02::1", "Forbidden")]
    [InlineData("::ffff:169.254.169.254", "Forbidden")]
    [InlineData("64:ff9b::a9fe:a9fe", "Forbidden")] // NAT64 of 169.254.169.254
    [InlineData("2002:a9fe:a9fe::1", "Forbidden")] // 6to4 of 169.254.169.254
    [InlineData("127.0.0.1", "Internal")]
    [InlineData("127.255.255.254", "Internal")]
    [InlineData("::1", "Internal")]
    [InlineData("::ffff:127.0.0.1", "Internal")]
    [InlineData("10.0.0.1", "Internal")]
    [InlineData("172.16.0.1", "Internal")]
    [InlineData("172.31.255.255", "Internal")]
    [InlineData("192.168.1.1", "Internal")]
    [InlineData("100.64.0.1", "Internal")]
    [InlineData("::ffff:10.1.2.3", "Internal")]
    [InlineData("fc00::1", "Internal")]
    [InlineData("fd12:3456::1", "Internal")]
    [InlineData("fec0::1", "Internal")]
    [InlineData("64:ff9b::a00:1", "Internal")] // NAT64 of 10.0.0.1
    [InlineData("172.15.255.255", "Public")]
    [InlineData("172.32.0.1", "Public")]
    [InlineData("100.128.0.1", "Public")]
    [InlineData("169.253.255.255", "Public")]
    [InlineData("8.8.8.8", "Public")]
    [InlineData("2001:4860:4860::8888", "Public")]
    public void Classify_EveryRange(string address, string expected) => Assert.Equal(expected, Outbound.Classify(IPAddress.Parse(address)).ToString());

    [Theory]
    [InlineData("0x7f000001", "127.0.0.1")]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("[::ffff:127.0.0.1]", "127.0.0.1")]
    [InlineData("::FFFF:7F00:1", "127.0.0.1")]
    [InlineData("[0:0:0:0:0:0:0:1]", "::1")]
    [InlineData("EHR.Example.ORG.", "ehr.example.org")]
    [InlineData("localhost.", "localhost")]
    public void CanonicalHost_OneSpellingPerAddress(string host, string expected) => Assert.Equal(expected, Outbound.CanonicalHost(host));

    [Fact]
    public void Uri_spellings_reach_the_same_canonical_host()
    {
        foreach (var url in (string[])["http://0x7f000001/", "http://2130706433/", "http://127.1/", "http://0177.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://127.0.0.1./"])
        {
            Assert.True(Outbound.Under(new Uri(url + "fhir/Patient/1"), new Uri("http://127.0.0.1/fhir")), url);
        }
    }

    [Theory]
    // host connected to, address it resolved to, allowed server, expected
    [InlineData("ehr.example.org", "203.0.113.10", "https://ehr.example.org/fhir", true)]
    [InlineData("fhir.internal", "10.1.2.3", "https://fhir.internal/fhir", true)] // an internal server the operator named
    [InlineData("localhost", "127.0.0.1", "http://localhost/fhir", true)]
    [InlineData("ehr.example.org", "169.254.169.254", "https://ehr.example.org/fhir", false)] // a DNS answer pointing at metadata
    [InlineData("ehr.example.org", "::ffff:169.254.169.254", "https://ehr.example.org/fhir", false)]
    [InlineData("ehr.example.org", "fe80::1", "https://ehr.example.org/fhir", false)]
    [InlineData("ehr.example.org", "0.0.0.0", "https://ehr.example.org/fhir", false)]
    [InlineData("169.254.10.10", "169.254.10.10", "http://169.254.10.10/fhir", true)] // that very address written by the operator
    [InlineData("other.example.org", "203.0.113.10", "https://ehr.example.org/fhir", false)] // not a configured server
    [InlineData("10.1.2.3", "10.1.2.3", "https://fhir.internal/fhir", false)]
    [InlineData("ehr.example.org", "203.0.113.10", "http://ehr.example.org:8080/fhir", false)] // another port
    public void Permitted_ConfiguredServersOnly(string host, string address, string allowed, bool expected)
    {
        var port = host == "ehr.example.org" && allowed.Contains(":8080", StringComparison.Ordinal) ? 443 : new Uri(allowed).Port;
        Assert.Equal(expected, Outbound.Permitted(host, port, IPAddress.Parse(address), [allowed]));
    }

    [Fact]
    public void Permitted_NothingConfigured_Nothing()
    {
        Assert.False(Outbound.Permitted("127.0.0.1", 80, IPAddress.Loopback, []));
        Assert.False(Outbound.Permitted("ehr.example.org", 443, IPAddress.Parse("203.0.113.10"), []));
    }
}
