using HiepDuc.ParPortal.Domain.Notifications;
using HiepDuc.ParPortal.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HiepDuc.ParPortal.Web.Features.Notifications;

/// <summary>Sends queued e-mails with MailKit; a failure is logged and retried later, never thrown at the caller.</summary>
public sealed class OutboxSender(ParPortalDbContext db, IOptionsMonitor<SmtpOptions> options, IOptionsMonitor<Infrastructure.AuthorityOptions> authority, TimeProvider clock, ILogger<OutboxSender> logger)
{
    public const int Batch = 50;

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    public async Task<(int Sent, int Failed)> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            return (0, 0);
        }

        var now = clock.GetUtcNow();
        var due = await db.OutboxEmails.Where(e => e.SentAt == null && e.NextAttemptAt != null && e.NextAttemptAt <= now)
            .OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken);

        // Claim each message before sending it: when two servers (or two runs) read the same rows, only the one whose
        // conditional update wins sends; a claim left by a crashed sender expires and the message is retried.
        var claimed = new List<OutboxEmail>(due.Count);
        var claimUntil = now.Add(ClaimFor);
        foreach (var e in due)
        {
            var seen = e.NextAttemptAt;
            if (await db.OutboxEmails.Where(x => x.Id == e.Id && x.SentAt == null && x.NextAttemptAt == seen)
                    .ExecuteUpdateAsync(x => x.SetProperty(m => m.NextAttemptAt, claimUntil), cancellationToken) == 1)
            {
                claimed.Add(e);
            }
        }

        due = claimed;
        if (due.Count == 0)
        {
            return (0, 0);
        }

        int sent = 0, failed = 0;
        using var client = new SmtpClient { Timeout = 15_000 };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, Enum.TryParse<SecureSocketOptions>(o.Security, true, out var security) ? security : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (!string.IsNullOrEmpty(o.User))
            {
                await client.AuthenticateAsync(o.User, o.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("SMTP server {Host}:{Port} unreachable; {Count} e-mails will be retried: {Error}", o.Host, o.Port, due.Count, ex.Message);
            foreach (var e in due)
            {
                e.Failed(ex.Message, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return (0, due.Count);
        }

        foreach (var e in due)
        {
            try
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(o.FromName) ? authority.CurrentValue.PortalName : o.FromName, o.From));
                message.To.Add(MailboxAddress.Parse(e.To));
                message.Subject = e.Subject;
                message.Body = new BodyBuilder { TextBody = e.TextBody, HtmlBody = e.HtmlBody }.ToMessageBody();
                await client.SendAsync(message, cancellationToken);
                e.Sent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("E-mail {EmailId} to {To} failed (attempt {Attempt}): {Error}", e.Id, e.To, e.Attempts + 1, ex.Message);
                e.Failed(ex.Message, clock.GetUtcNow());
                failed++;
            }
        }

        await client.DisconnectAsync(true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (sent, failed);
    }
}
