using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using HiepDuc.ParPortal.Web.Features.Files;
using HiepDuc.ParPortal.Web.Features.Notifications;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Features.Settings;

/// <summary>The settings an administrator may change without a restart; each field is a configuration key.</summary>
public sealed class SettingsEditModel
{
    [Range(1, SignalSettings.MaxDays, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_StaleDays")] public int StaleDays { get; set; }
    [Range(1, SignalSettings.MaxDays, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_UrgentAmberDays")] public int UrgentAmberDays { get; set; }
    [Range(2, SignalSettings.MaxDays, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_UrgentRedDays")] public int UrgentRedDays { get; set; }
    [Range(1, SignalSettings.MaxDays, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_SilentDays")] public int SilentDays { get; set; }
    [Range(1, 100, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_CoveragePercent")] public int CoveragePercent { get; set; }
    [Range(1, SignalSettings.MaxFigureStaleMonths, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_FigureStaleMonths")] public int FigureStaleMonths { get; set; }

    [Display(Name = "Settings_RemindersEnabled")] public bool RemindersEnabled { get; set; }
    [Range(0, 23, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_DailyHour")] public int DailyHour { get; set; }
    [Range(1, 365, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_OverdueEveryDays")] public int OverdueEveryDays { get; set; }
    [Range(1, 365, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_WaitingDays")] public int WaitingDays { get; set; }
    [Required(ErrorMessage = "Validation_Required")] [Url(ErrorMessage = "Validation_Invalid")] [StringLength(300, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_BaseUrl")] public string BaseUrl { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_SmtpHost")] public string? SmtpHost { get; set; }
    [Range(1, 65535, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_SmtpPort")] public int SmtpPort { get; set; }
    [RegularExpression("^(None|StartTls|SslOnConnect|Auto)$", ErrorMessage = "Validation_Invalid")] [Display(Name = "Settings_SmtpSecurity")] public string SmtpSecurity { get; set; } = "StartTls";
    [StringLength(200, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_SmtpUser")] public string? SmtpUser { get; set; }

    /// <summary>Write-only: a new password replaces the stored one; empty keeps it.</summary>
    [StringLength(200, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_SmtpPassword")] public string? SmtpPassword { get; set; }
    [Display(Name = "Settings_SmtpPasswordClear")] public bool ClearSmtpPassword { get; set; }
    [Required(ErrorMessage = "Validation_Required")] [EmailAddress(ErrorMessage = "Validation_Invalid")] [StringLength(200, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_SmtpFrom")] public string SmtpFrom { get; set; } = string.Empty;
    [Required(ErrorMessage = "Validation_Required")] [StringLength(200, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_SmtpFromName")] public string SmtpFromName { get; set; } = string.Empty;

    [Range(1, 20, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_MaxFiles")] public int MaxFilesPerReport { get; set; }
    [Range(1, 100, ErrorMessage = "Validation_Range")] [Display(Name = "Settings_MaxMegabytes")] public int MaxMegabytes { get; set; }

    [Required(ErrorMessage = "Validation_Required")] [StringLength(100, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_SignerTitle")] public string SignerTitle { get; set; } = string.Empty;
    [StringLength(100, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_SignerName")] public string? SignerName { get; set; }

    [Required(ErrorMessage = "Validation_Required")] [StringLength(200, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_AuthorityName")] public string AuthorityName { get; set; } = string.Empty;
    [Display(Name = "Settings_AuthorityLevel")] public Domain.Authorities.AuthorityLevel AuthorityLevel { get; set; }
    [Required(ErrorMessage = "Validation_Required")] [StringLength(100, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_AuthorityPlace")] public string AuthorityPlace { get; set; } = string.Empty;
    [Required(ErrorMessage = "Validation_Required")] [StringLength(200, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_PortalName")] public string PortalName { get; set; } = string.Empty;
    [Required(ErrorMessage = "Validation_Required")] [StringLength(60, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_PortalShortName")] public string PortalShortName { get; set; } = string.Empty;
    [Required(ErrorMessage = "Validation_Required")] [StringLength(300, ErrorMessage = "Validation_MaxLength")] [Display(Name = "Settings_SteeringBody")] public string SteeringBody { get; set; } = string.Empty;

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever] public bool PasswordSet { get; set; }

    /// <summary>The signal settings as entered, checked by the same rules as at start-up.</summary>
    public SignalSettings Signals() => new()
    {
        StaleDays = StaleDays, UrgentAmberDays = UrgentAmberDays, UrgentRedDays = UrgentRedDays, SilentDays = SilentDays, CoveragePercent = CoveragePercent,
        FigureStaleMonths = FigureStaleMonths,
    };

    /// <summary>Each field's configuration key and its value as stored (invariant culture).</summary>
    public IEnumerable<(string Key, string Value)> Values()
    {
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        yield return ("Signals:StaleDays", I(StaleDays));
        yield return ("Signals:UrgentAmberDays", I(UrgentAmberDays));
        yield return ("Signals:UrgentRedDays", I(UrgentRedDays));
        yield return ("Signals:SilentDays", I(SilentDays));
        yield return ("Signals:CoveragePercent", I(CoveragePercent));
        yield return ("Signals:FigureStaleMonths", I(FigureStaleMonths));
        yield return ("Reminders:Enabled", RemindersEnabled ? "true" : "false");
        yield return ("Reminders:DailyHour", I(DailyHour));
        yield return ("Reminders:OverdueEveryDays", I(OverdueEveryDays));
        yield return ("Reminders:WaitingDays", I(WaitingDays));
        yield return ("Reminders:BaseUrl", BaseUrl.Trim());
        yield return ("Smtp:Host", SmtpHost?.Trim() ?? string.Empty);
        yield return ("Smtp:Port", I(SmtpPort));
        yield return ("Smtp:Security", SmtpSecurity);
        yield return ("Smtp:User", SmtpUser?.Trim() ?? string.Empty);
        yield return ("Smtp:From", SmtpFrom.Trim());
        yield return ("Smtp:FromName", SmtpFromName.Trim());
        yield return ("Files:MaxFilesPerReport", I(MaxFilesPerReport));
        yield return ("Files:MaxBytes", (MaxMegabytes * 1024L * 1024L).ToString(CultureInfo.InvariantCulture));
        yield return ("Reports:SignerTitle", SignerTitle.Trim());
        yield return ("Reports:SignerName", SignerName?.Trim() ?? string.Empty);
    }

    /// <summary>The authority's own fields, kept in its record (the office unit is not changed here).</summary>
    public void Describe(Domain.Authorities.Authority record) =>
        record.Describe(AuthorityName, AuthorityLevel, AuthorityPlace, record.OfficeUnitCode, PortalName, PortalShortName, SteeringBody);
}

/// <summary>"Cài đặt": the numbers behind the signals, the reminders, e-mail and uploads, stored in the database and in force at once.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class SettingsController(
    ParPortalDbContext db,
    StoredSettingsProvider stored,
    DataVersion version,
    IOptionsMonitor<SignalSettings> signals,
    IOptionsMonitor<ReminderOptions> reminders,
    IOptionsMonitor<SmtpOptions> smtp,
    IOptionsMonitor<FileStoreOptions> files,
    IOptionsMonitor<Reports.ReportOptions> report,
    IOptionsMonitor<Infrastructure.AuthorityOptions> authority,
    IStringLocalizer<SharedResource> l) : Controller
{
    public const string PasswordKey = "Smtp:Password";

    [HttpGet("/admin/settings")]
    public IActionResult Index()
    {
        var (s, r, m, f) = (signals.CurrentValue, reminders.CurrentValue, smtp.CurrentValue, files.CurrentValue);
        return View(new SettingsEditModel
        {
            StaleDays = s.StaleDays, UrgentAmberDays = s.UrgentAmberDays, UrgentRedDays = s.UrgentRedDays, SilentDays = s.SilentDays, CoveragePercent = s.CoveragePercent,
            FigureStaleMonths = s.FigureStaleMonths,
            RemindersEnabled = r.Enabled, DailyHour = r.DailyHour, OverdueEveryDays = r.OverdueEveryDays, WaitingDays = r.WaitingDays, BaseUrl = r.BaseUrl,
            SmtpHost = m.Host, SmtpPort = m.Port, SmtpSecurity = m.Security, SmtpUser = m.User, SmtpFrom = m.From, SmtpFromName = m.FromName, PasswordSet = !string.IsNullOrEmpty(m.Password),
            MaxFilesPerReport = f.MaxFilesPerReport, MaxMegabytes = (int)Math.Max(1, f.MaxBytes / (1024 * 1024)),
            SignerTitle = report.CurrentValue.SignerTitle, SignerName = report.CurrentValue.SignerName,
            AuthorityName = authority.CurrentValue.Name, AuthorityLevel = authority.CurrentValue.Level, AuthorityPlace = authority.CurrentValue.Place,
            PortalName = authority.CurrentValue.PortalName, PortalShortName = authority.CurrentValue.ShortName, SteeringBody = authority.CurrentValue.SteeringBody,
        });
    }

    [HttpPost("/admin/settings")]
    public async Task<IActionResult> Index(SettingsEditModel model, CancellationToken cancellationToken)
    {
        if (!model.Signals().UrgentInOrder)
        {
            ModelState.AddModelError(nameof(model.UrgentRedDays), l["Settings_UrgentOrder"]);
        }

        if (!Infrastructure.AuthorityOptions.LevelsOffered(authority.CurrentValue.Level).Contains(model.AuthorityLevel))
        {
            // A district exists only for the records of before 1 July 2025: no portal becomes one.
            ModelState.AddModelError(nameof(model.AuthorityLevel), l["Settings_LevelGone"]);
        }

        if (!ModelState.IsValid)
        {
            model.PasswordSet = !string.IsNullOrEmpty(smtp.CurrentValue.Password);
            model.SmtpPassword = null;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(model);
        }

        var rows = await db.PortalSettings.ToDictionaryAsync(s => s.Key, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var (key, value) in model.Values())
        {
            Put(key, value, secret: false);
        }

        model.Describe(await db.Authorities.OrderBy(a => a.Id).FirstAsync(cancellationToken));

        if (model.ClearSmtpPassword && rows.TryGetValue(PasswordKey, out var old))
        {
            db.PortalSettings.Remove(old);
        }
        else if (!string.IsNullOrEmpty(model.SmtpPassword))
        {
            Put(PasswordKey, model.SmtpPassword, secret: true);
        }

        await db.SaveChangesAsync(cancellationToken);
        await stored.LoadFromAsync(db, cancellationToken);
        version.Changed(); // the signals' numbers change what the cached dashboard shows
        TempData[Flash.Key] = l["Settings_Saved"].Value;
        return RedirectToAction(nameof(Index));

        void Put(string key, string value, bool secret)
        {
            if (rows.TryGetValue(key, out var row))
            {
                row.Change(value);
            }
            else
            {
                db.PortalSettings.Add(new PortalSetting(key, value, secret));
            }
        }
    }
}
