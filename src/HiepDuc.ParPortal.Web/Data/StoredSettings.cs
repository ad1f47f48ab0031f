using Microsoft.EntityFrameworkCore;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>One setting the administrator changed on /admin/settings: a configuration key ("Signals:StaleDays") and its value.</summary>
public sealed class PortalSetting
{
    private PortalSetting()
    {
        Key = Value = null!;
    }

    public PortalSetting(string key, string value, bool isSecret)
    {
        Key = key;
        Value = value;
        IsSecret = isSecret;
    }

    public string Key { get; private set; }

    public string Value { get; private set; }

    /// <summary>A secret (the SMTP password): never shown again, masked in the audit trail.</summary>
    public bool IsSecret { get; private set; }

    public void Change(string value) => Value = value;
}

/// <summary>
/// The settings stored in the database, as the last (strongest) configuration source: options bound with
/// <c>BindConfiguration</c> and read through <c>IOptionsMonitor</c> see a change as soon as it is saved.
/// </summary>
public sealed class StoredSettingsSource : IConfigurationSource
{
    public StoredSettingsProvider Provider { get; } = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
}

public sealed class StoredSettingsProvider : ConfigurationProvider
{
    /// <summary>Puts the stored values in force (at start-up, and after every save of the settings page).</summary>
    public async Task LoadFromAsync(ParPortalDbContext db, CancellationToken cancellationToken = default)
    {
        var values = await db.PortalSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => (string?)s.Value, StringComparer.OrdinalIgnoreCase, cancellationToken);
        // The authority is a record; its fields are read as the section Authority:* (AuthorityOptions).
        if (await db.Authorities.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken) is { } authority)
        {
            foreach (var (key, value) in Infrastructure.AuthorityOptions.SettingsOf(authority))
            {
                values[key] = value;
            }
        }

        Data = values;
        OnReload();
    }
}
