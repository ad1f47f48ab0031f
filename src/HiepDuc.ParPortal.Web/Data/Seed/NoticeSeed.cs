using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Domain.Common;
using HiepDuc.ParPortal.Domain.Deadlines;
using HiepDuc.ParPortal.Domain.Kpis;
using HiepDuc.ParPortal.Domain.Notices;
using HiepDuc.ParPortal.Domain.Units;
using HiepDuc.ParPortal.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Data.Seed;

/// <summary>
/// The portal's facts from the conclusion notice of 31/08/2023 (shared seed), and nothing else:
/// the units it names or addresses, the notice, its directives and assignments, the KPI catalogue it names
/// and the figures of its section 2. Idempotent: what exists is left alone. Mapping decisions: docs/domain.md.
/// </summary>
public sealed class NoticeSeed(ParPortalDbContext db, ILogger<NoticeSeed> logger)
{
    public const string DistrictOfficeCode = "VPHDND";
    public const string InternalAffairsCode = "NOIVU";
    public const string LandRegistrationCode = "CNVPDKDD";
    public static readonly DateOnly MeetingDate = new(2023, 8, 31);
    public const string IssuingBody = "UBND huyện Hiệp Đức";
    public const string NoticeTitle = "Kết luận của Chủ tịch UBND huyện - Nguyễn Văn Nam tại cuộc họp Ban Chỉ đạo cải cách hành chính và chuyển đổi số huyện (phiên thứ nhất)";

    /// <summary>Units named or addressed by the notice: (code, name, short name, kind).</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Short, UnitKind Kind)> Units =
    [
        (DistrictOfficeCode, "Văn phòng HĐND&UBND huyện", "VP HĐND&UBND", UnitKind.DistrictAgency),
        (InternalAffairsCode, "Phòng Nội vụ huyện", "Phòng Nội vụ", UnitKind.DistrictAgency),
        (LandRegistrationCode, "Chi nhánh Văn phòng đăng ký đất đai huyện", "CN VP đăng ký đất đai", UnitKind.DistrictAgency),
        ("BUUDIEN", "Bưu điện huyện (Bưu chính công ích)", "Bưu điện huyện", UnitKind.OtherBody),
        ("BHXH", "Bảo hiểm xã hội huyện", "BHXH huyện", UnitKind.OtherBody),
        ("TANBINH", "UBND thị trấn Tân Bình", "Tân Bình", UnitKind.CommuneOrTown),
        ("BINHLAM", "UBND xã Bình Lâm", "Bình Lâm", UnitKind.CommuneOrTown),
        ("BINHSON", "UBND xã Bình Sơn", "Bình Sơn", UnitKind.CommuneOrTown),
        ("HIEPHOA", "UBND xã Hiệp Hòa", "Hiệp Hòa", UnitKind.CommuneOrTown),
        ("HIEPTHUAN", "UBND xã Hiệp Thuận", "Hiệp Thuận", UnitKind.CommuneOrTown),
        ("PHUOCGIA", "UBND xã Phước Gia", "Phước Gia", UnitKind.CommuneOrTown),
        ("PHUOCTRA", "UBND xã Phước Trà", "Phước Trà", UnitKind.CommuneOrTown),
        ("QUELUU", "UBND xã Quế Lưu", "Quế Lưu", UnitKind.CommuneOrTown),
        ("QUETHO", "UBND xã Quế Thọ", "Quế Thọ", UnitKind.CommuneOrTown),
        ("SONGTRA", "UBND xã Sông Trà", "Sông Trà", UnitKind.CommuneOrTown),
        ("THANGPHUOC", "UBND xã Thăng Phước", "Thăng Phước", UnitKind.CommuneOrTown),
    ];

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var units = (await db.Units.OrderBy(u => u.Id).ToListAsync(cancellationToken)).GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First());
        foreach (var (code, name, shortName, kind) in Units.Where(u => !units.ContainsKey(u.Code)))
        {
            units[code] = db.Units.Add(new Unit(code, name, kind, shortName)).Entity;
        }

        var kpis = (await db.KpiDefinitions.OrderBy(k => k.Id).ToListAsync(cancellationToken)).GroupBy(k => k.Code).ToDictionary(g => g.Key, g => g.First());
        foreach (var kpi in KpiCatalogue().Where(k => !kpis.ContainsKey(k.Code)))
        {
            kpis[kpi.Code] = db.KpiDefinitions.Add(kpi).Entity;
        }

        await db.SaveChangesAsync(cancellationToken);

        // The seed notice is found by its identity (issuing body, meeting date, text), never assumed unique: an office may
        // have saved the same notice again on purpose, and the first one stored is the seed's.
        if (await SeedNoticeIdAsync(cancellationToken) is { } existing)
        {
            logger.LogDebug("The notice of {MeetingDate} is already present; seed left it unchanged", MeetingDate);
            await AddTargetsAsync(existing, units, kpis, cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var notice = AddNotice(units);
        await db.SaveChangesAsync(cancellationToken);
        AddFigures(notice, units, kpis);
        await db.SaveChangesAsync(cancellationToken);
        await AddTargetsAsync(notice.Id, units, kpis, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the conclusion notice of {MeetingDate} with its directives, assignments and figures", MeetingDate);
    }

    /// <summary>The seed notice already stored (the first with its identity), if any.</summary>
    public async Task<int?> SeedNoticeIdAsync(CancellationToken cancellationToken = default) =>
        await db.DuplicateOfAsync(null, IssuingBody, MeetingDate, OriginalText(), cancellationToken);

    /// <summary>The notice's text with the Markdown emphasis of the shared copy removed.</summary>
    public static string OriginalText()
    {
        using var stream = typeof(NoticeSeed).Assembly.GetManifestResourceStream("HiepDuc.ParPortal.Web.Data.Seed.thong-bao-ket-luan-2023-08-31.md")
            ?? throw new InvalidOperationException("The notice text resource is missing.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("**", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal);
        return string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())).Trim();
    }

    private ConclusionNotice AddNotice(Dictionary<string, Unit> units)
    {
        var notice = new ConclusionNotice(IssuingBody, NoticeTitle, MeetingDate, OriginalText());
        notice.Describe(
            number: null,
            issueDate: null,
            meetingBody: "Ban Chỉ đạo cải cách hành chính và chuyển đổi số huyện",
            session: "phiên thứ nhất",
            chairedBy: "Nguyễn Văn Nam - Chủ tịch UBND huyện, Trưởng Ban Chỉ đạo",
            signedBy: "TL. Chủ tịch — Chánh Văn phòng");
        notice.Cite(new DocumentReference("Quyết định 609/QĐ-UBND ngày 23/8/2023 của UBND huyện", "Quyết định", "609/QĐ-UBND", new DateOnly(2023, 8, 23), "UBND huyện"));
        notice.Cite(new DocumentReference("Quyết định số 2114/QĐ-UBND ngày 12/8/2022 của UBND tỉnh Quảng Nam", "Quyết định", "2114/QĐ-UBND", new DateOnly(2022, 8, 12), "UBND tỉnh Quảng Nam"));
        db.Notices.Add(notice);

        // The notice assigned the work on the day of the meeting (Asia/Ho_Chi_Minh).
        var at = Domain.Common.PortalCalendar.StartOf(MeetingDate);
        var by = new Actor(null, "Thông báo kết luận ngày 31/08/2023");
        // Units were saved before this point, so their ids are real.
        var office = units[DistrictOfficeCode];
        int? monitor = office.Id;
        var addressed = units.Values
            .Where(u => u.Kind == UnitKind.CommuneOrTown || u.Kind == UnitKind.DistrictAgency)
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();

        var item1 = notice.AddDirective("1",
            "Hoàn chỉnh Quy chế làm việc của Ban Chỉ đạo, Tổ giúp việc và Thông báo phân công nhiệm vụ thành viên",
            "Thống nhất thông qua Quy chế làm việc của Ban Chỉ đạo, Tổ giúp việc về cải cách hành chính và chuyển đổi số huyện và Thông báo phân công nhiệm vụ các thành viên của Ban Chỉ đạo huyện. Giao phòng Nội vụ tiếp thu ý kiến tham gia của các thành viên dự họp, hoàn chỉnh và trình Trưởng Ban Chỉ đạo ký ban hành.",
            Deadline.NotSet(), monitor, by, at);
        item1.Assign(units[InternalAffairsCode], AssignmentRole.Lead, at, by);

        var a = notice.AddDirective("3.a",
            "Thực hiện nghiêm Kế hoạch 125/KH-UBND (PAR INDEX, SIPAS) và Kế hoạch 133/KH-UBND (chuyển đổi số); tăng cường tuyên truyền",
            "Chỉ đạo triển khai thực hiện nghiêm nội dung UBND huyện giao tại Kế hoạch số 125/KH-UBND ngày 14/8/2023 về cải thiện, nâng cao các Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính Nhà nước (SIPAS) trên địa bàn huyện Hiệp Đức năm 2023 và Kế hoạch số 133/KH-UBND ngày 23/8/2023 về Nâng cao xếp hạng mức độ Bộ chỉ số đánh giá chuyển đổi số trên địa bàn huyện Hiệp Đức. Trong đó, chú ý tăng cường tuyên truyền trong cán bộ, đảng viên, công chức, viên chức, người lao động, nhằm nâng cao nhận thức về vai trò, vị trí, tầm quan trọng của công tác cải cách hành chính và chuyển đổi số; hình thành nền nếp và thói quen trong chuyển đổi số. Tập trung khắc phục tồn tại, hạn chế của năm 2022 và 8 tháng đầu năm 2023, tiếp tục phát huy kết quả đạt được.",
            Deadline.NotSet(), monitor, by, at);
        a.Cite(new DocumentReference("Kế hoạch số 125/KH-UBND ngày 14/8/2023", "Kế hoạch", "125/KH-UBND", new DateOnly(2023, 8, 14), "UBND huyện"));
        a.Cite(new DocumentReference("Kế hoạch số 133/KH-UBND ngày 23/8/2023", "Kế hoạch", "133/KH-UBND", new DateOnly(2023, 8, 23), "UBND huyện"));

        var b = notice.AddDirective("3.b",
            "Công khai xin lỗi tổ chức, cá nhân khi có hồ sơ trễ hẹn",
            "Nghiêm túc thực hiện công khai xin lỗi tổ chức, cá nhân khi có hồ sơ trễ hẹn theo quy định tại Quyết định số 3200/QĐ-UBND ngày 07/10/2019 của UBND tỉnh.",
            Deadline.NotSet(), monitor, by, at);
        b.Cite(new DocumentReference("Quyết định số 3200/QĐ-UBND ngày 07/10/2019 của UBND tỉnh", "Quyết định", "3200/QĐ-UBND", new DateOnly(2019, 10, 7), "UBND tỉnh"));

        var c = notice.AddDirective("3.c",
            "Chỉnh lý và số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
            "Khẩn trương tổ chức thực hiện chỉnh lý hồ sơ kết quả giải quyết thủ tục hành chính còn hiệu lực của cơ quan, đơn vị mình và tiến hành số hóa theo quy định. Giao Văn phòng HĐND&UBND huyện chủ trì, phối hợp phòng Nội vụ huyện hướng dẫn nghiệp vụ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính để các cơ quan, đơn vị triển khai thực hiện.",
            Deadline.NotSet(urgent: true, writtenAs: "Khẩn trương"), monitor, by, at);

        var september = Deadline.InMonth(2023, 9, "trong tháng 9/2023");
        var d = notice.AddDirective("3.d",
            "Ký số trên Q-Office; 100% CB, CC, VC có tài khoản dịch vụ công và cài đặt Egov Quảng Nam, Smart Quảng Nam",
            "Yêu cầu lãnh đạo các cơ quan, đơn vị nghiêm túc thực hiện ký số ban hành văn bản đúng quy trình trên hệ thống Q-Office; hoàn thành việc đăng ký tài khoản dịch vụ công (đối với 100% CB, CC, VC) để thực hiện dịch vụ công trực tuyến; đảm bảo 100% CB, CC, VC cài đặt, khai thác ứng dụng Egov Quảng Nam, Smart Quảng Nam trong tháng 9/2023.",
            september, monitor, by, at);

        var e = notice.AddDirective("3.e",
            "Chi nhánh VP đăng ký đất đai: phát sinh hồ sơ trực tuyến với tỷ lệ không thấp hơn mặt bằng chung của tỉnh",
            "Yêu cầu Chi nhánh Văn phòng đăng ký đất đai huyện trong tháng 9/2023 phải có phát sinh hồ sơ trực tuyến trên lĩnh vực đơn vị đảm trách với tỷ lệ không thấp hơn mặt bằng chung của tỉnh.",
            september, monitor, by, at);
        e.Assign(units[LandRegistrationCode], AssignmentRole.Lead, at, by);

        foreach (var unit in addressed)
        {
            a.Assign(unit, AssignmentRole.Implementing, at, by);
            b.Assign(unit, AssignmentRole.Implementing, at, by);
            d.Assign(unit, AssignmentRole.Implementing, at, by);
        }

        c.Assign(office, AssignmentRole.Lead, at, by);
        c.Assign(units[InternalAffairsCode], AssignmentRole.Coordinating, at, by);
        foreach (var unit in addressed.Where(u => u.Code is not (DistrictOfficeCode or InternalAffairsCode)))
        {
            c.Assign(unit, AssignmentRole.Implementing, at, by);
        }

        return notice;
    }

    private void AddFigures(ConclusionNotice notice, Dictionary<string, Unit> units, Dictionary<string, KpiDefinition> kpis)
    {
        var by = new Actor(null, "Thông báo kết luận ngày 31/08/2023");
        var at = Domain.Common.PortalCalendar.StartOf(MeetingDate);
        var asOf = KpiPeriod.AsOf(MeetingDate);
        var eightMonths = KpiPeriod.YearToMonth(2023, 8);
        const MeasurementSource src = MeasurementSource.Notice;

        db.KpiMeasurements.AddRange(new[]
        {
            KpiMeasurement.RateOnly(kpis["LATE_FILES"], null, KpiPeriod.Year(2022), 28.72m, RateQualifier.Exact, src, by, at, "Cuối năm 2022"),
            KpiMeasurement.RateOnly(kpis["LATE_FILES"], null, eightMonths, 7.83m, RateQualifier.Exact, src, by, at, "Đến nay (8 tháng đầu năm 2023)"),
            KpiMeasurement.RateOnly(kpis["ONLINE_FILING"], null, KpiPeriod.Year(2022), 0m, RateQualifier.Exact, src, by, at, "Cuối năm 2022: 0%", numerator: 0),
            KpiMeasurement.RateOnly(kpis["ONLINE_FILING"], null, KpiPeriod.Month(2023, 8), 57.7m, RateQualifier.Exact, src, by, at, "Đến tháng 8 năm 2023, toàn huyện"),
            KpiMeasurement.RateOnly(kpis["ONLINE_FILING"], units["HIEPTHUAN"].Id, eightMonths, 0m, RateQualifier.Exact, src, by, at, "Từ đầu năm đến nay không phát sinh hồ sơ trực tuyến", numerator: 0),
            KpiMeasurement.RateOnly(kpis["ONLINE_FILING"], units["QUELUU"].Id, eightMonths, 0m, RateQualifier.Exact, src, by, at, "Từ đầu năm đến nay không phát sinh hồ sơ trực tuyến", numerator: 0),
            KpiMeasurement.Counted(kpis["BCCI_HANDOVER"], null, asOf, 4, 11, src, by, at, "4/11 xã, thị trấn đã triển khai chuyển giao (đang trong giai đoạn học việc); Bộ phận Một cửa huyện đã chuyển giao hoàn toàn"),
            KpiMeasurement.RateOnly(kpis["VNEID"], null, asOf, 90m, RateQualifier.Above, src, by, at, "Đạt trên 90%"),
            KpiMeasurement.RateOnly(kpis["BHXH_VERIFY"], null, asOf, 98m, RateQualifier.Exact, src, by, at, "Đạt 98%"),
            KpiMeasurement.RateOnly(kpis["PUBLIC_APOLOGY"], null, eightMonths, 0m, RateQualifier.Exact, src, by, at, "Chưa thực hiện công khai xin lỗi tổ chức, cá nhân khi hồ sơ trễ hẹn", numerator: 0),
        }.Select(m => m.ReportedIn(notice.Id)));
    }

    /// <summary>
    /// The figure targets the notice sets on its directives: 3.d — 100 % of CB, CC, VC with a public-service account and
    /// with the Egov / Smart Quảng Nam apps in 09/2023 (district-wide); 3.e — the land registration branch's online-filing
    /// rate in 09/2023 not below the province average. Added once.
    /// </summary>
    private async Task AddTargetsAsync(int noticeId, Dictionary<string, Unit> units, Dictionary<string, KpiDefinition> kpis, CancellationToken cancellationToken)
    {
        var directives = (await db.Directives.Where(d => d.NoticeId == noticeId && (d.Label == "3.d" || d.Label == "3.e"))
                .OrderBy(d => d.Id).Select(d => new { d.Label, d.Id }).ToListAsync(cancellationToken))
            .GroupBy(d => d.Label).ToDictionary(g => g.Key, g => g.First().Id);
        if (directives.Count < 2 || await db.DirectiveTargets.AnyAsync(t => directives.Values.Contains(t.DirectiveId), cancellationToken))
        {
            return;
        }

        var september = KpiPeriod.Month(2023, 9);
        db.DirectiveTargets.AddRange(
            new DirectiveTarget(directives["3.d"], kpis["PUBLIC_SERVICE_ACCOUNTS"].Id, null, september, KpiTargetKind.Full, null, null),
            new DirectiveTarget(directives["3.d"], kpis["EGOV_SMART_APPS"].Id, null, september, KpiTargetKind.Full, null, null),
            new DirectiveTarget(directives["3.e"], kpis["ONLINE_FILING"].Id, units[LandRegistrationCode].Id, september, KpiTargetKind.AtLeastReference, null, KpiReference.ProvinceAverage));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Words that name each KPI in a notice's sentences, for the import (editable on each KPI's page).</summary>
    private static readonly Dictionary<string, string[]> KpiKeywords = new(StringComparer.Ordinal)
    {
        ["LATE_FILES"] = ["trễ hẹn", "trễ hạn"],
        ["ONLINE_FILING"] = ["hồ sơ trực tuyến", "trực tuyến"],
        ["BCCI_HANDOVER"] = ["bưu chính công ích", "BCCI"],
        ["VNEID"] = ["VNeID", "định danh điện tử"],
        ["BHXH_VERIFY"] = ["BHXH", "bảo hiểm xã hội"],
        ["PUBLIC_SERVICE_ACCOUNTS"] = ["tài khoản dịch vụ công"],
        ["EGOV_SMART_APPS"] = ["Egov", "Smart Quảng Nam"],
        ["DIGITISATION"] = ["số hóa"],
        ["PUBLIC_APOLOGY"] = ["xin lỗi"],
    };

    public static IEnumerable<KpiDefinition> KpiCatalogue()
    {
        foreach (var kpi in KpiDefinitions())
        {
            kpi.SetKeywords(KpiKeywords.GetValueOrDefault(kpi.Code) ?? []);
            yield return kpi;
        }
    }

    private static IEnumerable<KpiDefinition> KpiDefinitions()
    {
        const string source = "Thông báo kết luận ngày 31/08/2023";
        KpiDefinition Rate(string code, string name, KpiDirection direction, string numerator, string denominator, string? description = null)
        {
            var k = new KpiDefinition(code, name, KpiKind.Rate, direction, KpiScope.Both);
            k.Describe(name, description, numerator, denominator);
            return k;
        }

        yield return Rate("LATE_FILES", "Tỷ lệ hồ sơ trễ hẹn", KpiDirection.LowerIsBetter,
            "Số hồ sơ giải quyết trễ hạn", "Số hồ sơ đã giải quyết và đến hạn trong kỳ",
            "Phần bù của tỷ lệ giải quyết đúng hạn theo Quyết định 766/QĐ-TTg.");
        var online = Rate("ONLINE_FILING", "Tỷ lệ phát sinh hồ sơ trực tuyến", KpiDirection.HigherIsBetter,
            "Số hồ sơ tiếp nhận trực tuyến", "Tổng số hồ sơ tiếp nhận trong kỳ",
            "Quyết định 766/QĐ-TTg: đạt điểm tối đa khi từ 50% trở lên.");
        online.SetScoring(50m, 100m);
        yield return online;

        var bcci = new KpiDefinition("BCCI_HANDOVER", "Xã, thị trấn chuyển giao tiếp nhận, trả kết quả cho Bưu điện (BCCI)", KpiKind.ShareOfUnits, KpiDirection.HigherIsBetter, KpiScope.District);
        bcci.Describe(bcci.Name, "Theo Quyết định số 2114/QĐ-UBND ngày 12/8/2022 của UBND tỉnh Quảng Nam.", "Số xã, thị trấn đã chuyển giao", "Tổng số xã, thị trấn");
        yield return bcci;

        yield return Rate("VNEID", "Tỷ lệ công dân được cài đặt, kích hoạt định danh điện tử (VNeID)", KpiDirection.HigherIsBetter,
            "Số công dân đã kích hoạt", "Số công dân thuộc diện");
        yield return Rate("BHXH_VERIFY", "Tỷ lệ xác thực thông tin khi công dân đăng ký tài khoản giao dịch điện tử với cơ quan BHXH", KpiDirection.HigherIsBetter,
            "Số tài khoản đã xác thực", "Số tài khoản đăng ký");

        var accounts = Rate("PUBLIC_SERVICE_ACCOUNTS", "Tỷ lệ CB, CC, VC đăng ký tài khoản dịch vụ công", KpiDirection.HigherIsBetter,
            "Số CB, CC, VC đã đăng ký", "Tổng số CB, CC, VC");
        accounts.SetTarget(KpiTargetKind.Full, null, null, $"{source}, mục 3.d (trong tháng 9/2023)");
        yield return accounts;

        var apps = Rate("EGOV_SMART_APPS", "Tỷ lệ CB, CC, VC cài đặt, khai thác ứng dụng Egov Quảng Nam, Smart Quảng Nam", KpiDirection.HigherIsBetter,
            "Số CB, CC, VC đã cài đặt", "Tổng số CB, CC, VC");
        apps.SetTarget(KpiTargetKind.Full, null, null, $"{source}, mục 3.d (trong tháng 9/2023)");
        yield return apps;

        var digitisation = Rate("DIGITISATION", "Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực", KpiDirection.HigherIsBetter,
            "Số kết quả đã số hóa", "Số kết quả giải quyết TTHC còn hiệu lực",
            "Quyết định 766/QĐ-TTg: đạt điểm tối đa khi từ 80% trở lên.");
        digitisation.SetScoring(80m, 100m);
        yield return digitisation;

        var apology = Rate("PUBLIC_APOLOGY", "Tỷ lệ hồ sơ trễ hẹn được công khai xin lỗi", KpiDirection.HigherIsBetter,
            "Số hồ sơ trễ hẹn đã xin lỗi", "Số hồ sơ trễ hẹn");
        apology.SetTarget(KpiTargetKind.Full, null, null, $"{source}, mục 3.b (Quyết định 3200/QĐ-UBND)");
        yield return apology;
    }
}
