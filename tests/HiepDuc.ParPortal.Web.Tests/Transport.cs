using System.IO.Compression;
using System.Net.Http.Headers;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;

namespace HiepDuc.ParPortal.Web.Tests;

public class Pages_travel_light(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_large_page_is_compressed_for_a_browser_that_accepts_it_and_reads_the_same()
    {
        var office = await factory.SignedInAsync(await factory.CreateUserAsync("gzip.office", Roles.DistrictOffice, "VPHDND"));
        var plain = await (await office.GetAsync(new Uri("/directives", UriKind.Relative))).Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/directives");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await office.SendAsync(request);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using var unzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        var text = await new StreamReader(unzip).ReadToEndAsync();
        var size = System.Text.Encoding.UTF8.GetByteCount(text);
        Assert.True(bytes.Length * 2 < size, $"{bytes.Length} bytes compressed for {size} bytes");
        Assert.Contains("3.e", plain, StringComparison.Ordinal);
        Assert.Contains("3.e", text, StringComparison.Ordinal);
    }
}
