using System.Net;
using System.Security.Cryptography;
using System.Text;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Files;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>Evidence sent with a report that is not saved (here: refused as stale) leaves no file on disk; a saved one stays.</summary>
public class A_refused_report_leaves_no_file_behind(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_file_of_a_stale_report_is_removed_and_the_file_of_a_saved_report_is_kept()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("orphan.head", Roles.UnitHead, "HIEPHOA"));
        var (id, version) = await factory.QueryAsync(db => db.Assignments.Where(a => a.Unit.Code == "HIEPHOA" && a.Status == AssignmentStatus.NotStarted)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Version }).FirstAsync().ContinueWith(t => (t.Result.Id, t.Result.Version)));
        var store = factory.Services.GetRequiredService<FileStore>();

        var refused = Pdf("refused");
        var stale = await Report(head, id, version + 7, refused);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        // The request's uploads are cleared when its scope ends, which may follow the response by a moment.
        for (var i = 0; i < 40 && File.Exists(PathOf(store, refused)); i++)
        {
            await Task.Delay(50);
        }

        Assert.False(File.Exists(PathOf(store, refused)));

        var kept = Pdf("kept");
        var saved = await Report(head, id, version, kept);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(File.Exists(PathOf(store, kept)));
    }

    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text} {Guid.NewGuid()}\n%%EOF\n");

    private static string PathOf(FileStore store, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return store.PathOf($"{hash[..2]}/{hash}.pdf");
    }

    private static async Task<HttpResponseMessage> Report(HttpClient client, int id, long version, byte[] pdf)
    {
        var token = await client.AntiforgeryTokenAsync($"/assignments/{id}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Đã tổ chức tuyên truyền"), "Text" },
            { new StringContent("40"), "Progress" },
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Version" },
            { new StringContent("0"), "SeenEventId" },
            { new ByteArrayContent(pdf), "Files", "bien-ban.pdf" },
        };
        return await client.PostAsync(new Uri($"/assignments/{id}/report", UriKind.Relative), content);
    }
}
