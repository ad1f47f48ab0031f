using System.Net;
using HiepDuc.ParPortal.Domain.Assignments;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Features.Notifications;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary>The administrator changes the signals, reminders, e-mail and upload limits on a page; they are in force at once.</summary>
public class The_settings_page(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Saves_validated_settings_that_take_effect_at_once_and_never_shows_the_mail_password()
    {
        var admin = await factory.SignedInAsync(await factory.CreateUserAsync("settings.admin", Roles.Administrator));
        var page = await admin.GetDocumentAsync("/admin/settings");
        var fields = A_notice_is_imported_from_its_text.Fields(page.QuerySelector("#settings-form")!);
        Dictionary<string, string> With(params (string Key, string Value)[] changes)
        {
            var d = fields.Where(f => f.Key != "__RequestVerificationToken").GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value);
            foreach (var (k, v) in changes)
            {
                d[k] = v;
            }

            return d;
        }

        // Wrong values are refused with a Vietnamese message, and nothing changes.
        var token = fields.Single(f => f.Key == "__RequestVerificationToken").Value;
        var refused = await admin.PostFormAsync("/admin/settings", token, With(("UrgentAmberDays", "20"), ("UrgentRedDays", "10")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Số ngày chuyển đỏ phải lớn hơn số ngày chuyển vàng", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(30, factory.Services.GetRequiredService<IOptionsMonitor<SignalSettings>>().CurrentValue.StaleDays);

        // Saved: in force without a restart.
        var saved = await admin.PostFormAsync("/admin/settings", token, With(("StaleDays", "10"), ("SmtpHost", "mail.hiepduc.test"), ("SmtpPassword", "mat-khau-thu-bi-mat"), ("MaxFilesPerReport", "3")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(10, factory.Services.GetRequiredService<IOptionsMonitor<SignalSettings>>().CurrentValue.StaleDays);
        var smtp = factory.Services.GetRequiredService<IOptionsMonitor<SmtpOptions>>().CurrentValue;
        Assert.Equal(("mail.hiepduc.test", "mat-khau-thu-bi-mat"), (smtp.Host, smtp.Password));
        Assert.Equal(3, factory.Services.GetRequiredService<IOptionsMonitor<Features.Files.FileStoreOptions>>().CurrentValue.MaxFilesPerReport);

        // The password is write-only: not in the page, masked in the audit trail.
        var again = await admin.GetAsync(new Uri("/admin/settings", UriKind.Relative));
        var html = await again.Content.ReadAsStringAsync();
        Assert.DoesNotContain("mat-khau-thu-bi-mat", html, StringComparison.Ordinal);
        Assert.Contains("Đã có mật khẩu", html, StringComparison.Ordinal);
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "PortalSetting").Select(a => a.Changes!).ToListAsync());
        Assert.Contains(audit, c => c.Contains("Signals:StaleDays", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, c => c.Contains("mat-khau-thu-bi-mat", StringComparison.Ordinal));

        // Saving again without a password keeps the stored one.
        var kept = await admin.PostFormAsync("/admin/settings", token, With(("StaleDays", "10"), ("SmtpHost", "mail.hiepduc.test")));
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal("mat-khau-thu-bi-mat", factory.Services.GetRequiredService<IOptionsMonitor<SmtpOptions>>().CurrentValue.Password);
    }
}
