using System.ComponentModel.DataAnnotations;

namespace HiepDuc.ParPortal.Web.Features.Notifications;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>Local hour (Asia/Ho_Chi_Minh) of the daily run.</summary>
    [Range(0, 23)]
    public int DailyHour { get; set; } = 7;

    /// <summary>Overdue work is reminded on its first overdue day and again every N days.</summary>
    [Range(1, 365)]
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>Submitted work (and extension requests) waiting this many days for the office is reminded.</summary>
    [Range(1, 365)]
    public int WaitingDays { get; set; } = 5;

    /// <summary>The address links in e-mails point to (the portal's public URL).</summary>
    [Url]
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Empty: no e-mail is sent (notifications in the portal still are).</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect, Auto.</summary>
    public string Security { get; set; } = "StartTls";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address (appsettings.json, the settings page).</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The sender's name; empty: the portal's name (<c>Authority:PortalName</c>).</summary>
    public string FromName { get; set; } = string.Empty;
}
