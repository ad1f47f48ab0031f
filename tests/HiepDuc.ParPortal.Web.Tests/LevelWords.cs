using System.IO.Compression;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>
/// The words follow the authority's level: a commune's portal never says "huyện", and no portal of after 1 July 2025
/// offers "thị trấn". Every page each role reaches, and the Word report, is read for a commune and for a city.
/// </summary>
public class The_words_follow_the_authoritys_level
{
    /// <summary>One authority of the two-tier government, with its own units, notice and work (no 2023 seed).</summary>
    public sealed record Authority(string Level, string Name, string Place, string OfficeName, string LowerUnit)
    {
        public static readonly Authority VietAn = new("Commune", "UBND xã Việt An", "Việt An", "Văn phòng HĐND và UBND xã", "Thôn 1");

        public static readonly Authority DaNang = new("City", "UBND thành phố Đà Nẵng", "Đà Nẵng", "Văn phòng UBND thành phố", "UBND xã Việt An");

        public void Configure(PortalFactory portal)
        {
            portal.Settings["Database:SeedOnStartup"] = "false";
            portal.Settings["Authority:Name"] = Name;
            portal.Settings["Authority:Level"] = Level;
            portal.Settings["Authority:Place"] = Place;
            portal.Settings["Authority:PortalName"] = $"Cổng theo dõi kết luận — {Name}";
            portal.Settings["Authority:ShortName"] = Place;
            portal.Settings["Authority:SteeringBody"] = $"Ban Chỉ đạo cải cách hành chính — {Name}";
            portal.Settings["Authority:OfficeUnitCode"] = "VP";
        }

        /// <summary>The office, a department, a unit of the level below, and a notice whose directive is given to them; returns the notice.</summary>
        public async Task<int> AddWorkAsync(PortalFactory portal)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParPortalDbContext>();
            var office = new Unit("VP", OfficeName, UnitKind.DistrictAgency);
            var agency = new Unit("PKT", "Phòng Kinh tế", UnitKind.DistrictAgency);
            var lower = new Unit("DV1", LowerUnit, UnitKind.CommuneOrTown);
            db.Units.AddRange(office, agency, lower);
            await db.SaveChangesAsync();
            var by = new Actor("office", "Văn phòng");
            var at = portal.Clock.GetUtcNow();
            var notice = new ConclusionNotice(Name, "Kết luận của Chủ tịch tại cuộc họp giao ban", new DateOnly(2023, 9, 20), "1. Đẩy mạnh chuyển đổi số.");
            db.Notices.Add(notice);
            var directive = notice.AddDirective("1", "Đẩy mạnh chuyển đổi số", "Đẩy mạnh chuyển đổi số.", Deadline.InMonth(2023, 10), office.Id, by, at);
            directive.Assign(agency, AssignmentRole.Lead, at, by);
            directive.Assign(lower, AssignmentRole.Coordinating, at, by);
            await db.SaveChangesAsync();
            return notice.Id;
        }
    }

    public abstract class LevelPortal : PortalFactory
    {
        protected LevelPortal(Authority authority)
        {
            authority.Configure(this);
            Of = authority;
        }

        public Authority Of { get; }

        public int NoticeId { get; private set; }

        public async Task<int> AddWorkAsync() => NoticeId = NoticeId != 0 ? NoticeId : await Of.AddWorkAsync(this);
    }

    public sealed class CommunePortal() : LevelPortal(Authority.VietAn);

    public sealed class CityPortal() : LevelPortal(Authority.DaNang);

    public sealed class In_a_commune(CommunePortal portal) : IClassFixture<CommunePortal>
    {
        [Fact]
        public Task No_page_and_not_the_report_says_huyen_or_thi_tran() => ReadEverythingAsync(portal, "xã");
    }

    public sealed class In_a_city(CityPortal portal) : IClassFixture<CityPortal>
    {
        [Fact]
        public Task No_page_and_not_the_report_says_huyen_or_thi_tran() => ReadEverythingAsync(portal, "thành phố");
    }

    private static readonly string[] OtherLevels = ["huyện", "thị trấn"];

    private static async Task ReadEverythingAsync(LevelPortal portal, string levelWord)
    {
        var notice = await portal.AddWorkAsync();
        var found = new List<string>();
        var broken = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, unit) in new[] { (Roles.DistrictOffice, "VP"), (Roles.Chairman, null), (Roles.UnitHead, "PKT"), (Roles.Administrator, (string?)null) })
        {
            var client = await portal.SignedInAsync(await portal.CreateUserAsync($"level.{role.ToLowerInvariant()}", role, unit));
            await Every_link_and_form_leads_somewhere.CrawlAsync(client, role, broken, (url, doc) =>
            {
                var text = doc.Body!.TextContent + " " + string.Join(' ', doc.QuerySelectorAll("option, [title], [aria-label]").Select(e => e.TextContent + " " + e.GetAttribute("title") + " " + e.GetAttribute("aria-label")));
                Check($"{role} {url}", text, found);
                seen.Add(url);
            });

            if (role == Roles.DistrictOffice)
            {
                var report = await client.GetByteArrayAsync(new Uri($"/reports/notices/{notice}/report.docx", UriKind.Relative));
                using var zip = new ZipArchive(new MemoryStream(report));
                using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
                var xml = System.Text.RegularExpressions.Regex.Replace(await reader.ReadToEndAsync(), "<[^>]+>", " ");
                Check("the Word report", xml, found);
                Assert.Contains($"UBND {levelWord}", xml, StringComparison.Ordinal);
            }
        }

        Assert.Empty(broken);
        Assert.True(seen.Count > 30, $"only {seen.Count} pages read");
        Assert.True(found.Count == 0, string.Join('\n', found.Take(40)));
    }

    private static void Check(string where, string text, List<string> found)
    {
        var lower = text.ToLowerInvariant();
        foreach (var word in OtherLevels.Where(w => lower.Contains(w, StringComparison.Ordinal)))
        {
            var at = lower.IndexOf(word, StringComparison.Ordinal);
            found.Add($"{where}: \"{word}\" in …{text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 120)).ReplaceLineEndings(" ")}…");
        }
    }
}
