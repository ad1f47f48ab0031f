using System.Net;
using System.Security.Cryptography;
using System.Text;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Files;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Moq;

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

    [Fact]
    public async Task Verify_files_removes_a_stray_file_and_lists_a_record_whose_file_is_missing()
    {
        var store = factory.Services.GetRequiredService<FileStore>();
        var stray = Path.Combine(store.RootPath, "ff", "ff00stray.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        await File.WriteAllBytesAsync(stray, Pdf("stray"));
        File.SetLastWriteTimeUtc(stray, factory.Clock.GetUtcNow().UtcDateTime.AddHours(-2));
        var fresh = Path.Combine(store.RootPath, "ff", "ff00fresh.pdf"); // a request may still be saving it
        await File.WriteAllBytesAsync(fresh, Pdf("fresh"));
        File.SetLastWriteTimeUtc(fresh, factory.Clock.GetUtcNow().UtcDateTime);
        await factory.QueryAsync(db =>
        {
            db.Files.Add(new Domain.Files.StoredFile("mat.pdf", "ee/ee00missing.pdf", "application/pdf", 10, "ee00", new Domain.Common.Actor(null, "Văn phòng"), factory.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        });

        var dry = new StringWriter();
        Assert.Equal(1, await Web.Infrastructure.PortalCommands.RunAsync(factory.Services, ["verify-files", "--dry-run"], dry));
        Assert.True(File.Exists(stray));

        var output = new StringWriter();
        await Web.Infrastructure.PortalCommands.RunAsync(factory.Services, ["verify-files"], output);
        Assert.False(File.Exists(stray));
        Assert.True(File.Exists(fresh));
        Assert.Contains("orphan files: 1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("ee/ee00missing.pdf", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("records without a file: 1", output.ToString(), StringComparison.Ordinal);
    }

    internal static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text} {Guid.NewGuid()}\n%%EOF\n");

    internal static string PathOf(FileStore store, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return store.PathOf($"{hash[..2]}/{hash}.pdf");
    }

    internal static async Task<HttpResponseMessage> Report(HttpClient client, int id, long version, byte[] pdf)
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

/// <summary>
/// The database fails in the middle of saving a report (a store failing mid-save, injected with Moq): no report row,
/// and the evidence file the request wrote is removed with it.
/// </summary>
public class A_store_failing_mid_save_leaves_no_file_behind(A_store_failing_mid_save_leaves_no_file_behind.Factory factory)
    : IClassFixture<A_store_failing_mid_save_leaves_no_file_behind.Factory>
{
    [Fact]
    public async Task The_report_is_not_saved_and_its_file_is_removed()
    {
        var head = await factory.SignedInAsync(await factory.CreateUserAsync("failing.head", Roles.UnitHead, "HIEPHOA"));
        var (id, version, reports) = await factory.QueryAsync(async db =>
        {
            var a = await db.Assignments.Where(x => x.Unit.Code == "HIEPHOA" && x.Status == AssignmentStatus.NotStarted).OrderBy(x => x.Id).Select(x => new { x.Id, x.Version }).FirstAsync();
            return (a.Id, a.Version, await db.ProgressReports.CountAsync());
        });
        var store = factory.Services.GetRequiredService<FileStore>();
        var pdf = A_refused_report_leaves_no_file_behind.Pdf("disk full");

        factory.FailReports = true;
        var response = await A_refused_report_leaves_no_file_behind.Report(head, id, version, pdf);
        factory.FailReports = false;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(reports, await factory.QueryAsync(db => db.ProgressReports.CountAsync()));
        for (var i = 0; i < 40 && File.Exists(A_refused_report_leaves_no_file_behind.PathOf(store, pdf)); i++)
        {
            await Task.Delay(50);
        }

        Assert.False(File.Exists(A_refused_report_leaves_no_file_behind.PathOf(store, pdf)));
        factory.Interceptor.Verify(i => i.SavingChangesAsync(It.IsAny<DbContextEventData>(), It.IsAny<InterceptionResult<int>>(), It.IsAny<CancellationToken>()), Times.AtLeastOnce());
    }

    public sealed class Factory : PortalFactory
    {
        public Factory()
        {
            Interceptor = new Mock<SaveChangesInterceptor> { CallBase = true };
            Interceptor.Setup(i => i.SavingChangesAsync(It.IsAny<DbContextEventData>(), It.IsAny<InterceptionResult<int>>(), It.IsAny<CancellationToken>()))
                .Returns((DbContextEventData data, InterceptionResult<int> result, CancellationToken _) =>
                    FailReports && data.Context!.ChangeTracker.Entries<ProgressReport>().Any(e => e.State == EntityState.Added)
                        ? throw new DbUpdateException("Ổ đĩa đầy (lỗi giả lập)")
                        : ValueTask.FromResult(result));
        }

        public Mock<SaveChangesInterceptor> Interceptor { get; }

        public bool FailReports { get; set; }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigurePortalDb((_, o) => o.AddInterceptors(Interceptor.Object)));
        }
    }
}
