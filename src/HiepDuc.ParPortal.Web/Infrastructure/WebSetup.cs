using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using HiepDuc.ParPortal.Web.Features.Api;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Serilog;

namespace HiepDuc.ParPortal.Web.Infrastructure;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [PortalCulture("vi-VN"), PortalCulture("en-US")];

    public static IServiceCollection AddParPortalWeb(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Features.Files.FileStoreOptions>().BindConfiguration(Features.Files.FileStoreOptions.Section);
        services.AddSingleton<Features.Files.FileStore>();
        services.AddScoped<Authorization.Permissions>();
        services.AddScoped<Features.Files.Uploads>();
        services.AddSingleton<Features.KpiImport.PendingImports>();
        services.AddMemoryCache();
        services.AddScoped<Features.Dashboard.DashboardQueries>();
        services.AddSingleton<Features.Dashboard.DashboardSnapshots>();
        services.AddHostedService<Features.Dashboard.DashboardWarmUp>();
        services.AddOptions<Domain.Assignments.SignalSettings>().BindConfiguration(Domain.Assignments.SignalSettings.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Domain.Assignments.SignalSettings>, Features.Shared.SignalSettingsValidation>();
        services.AddSingleton<Features.Shared.PortalDay>();
        services.AddOptions<Features.Notifications.ReminderOptions>().BindConfiguration(Features.Notifications.ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Reports.ReportOptions>().BindConfiguration(Features.Reports.ReportOptions.Section);
        services.AddOptions<AuthorityOptions>().BindConfiguration(AuthorityOptions.Section);
        services.AddOptions<Features.Notifications.SmtpOptions>().BindConfiguration(Features.Notifications.SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Features.Notifications.ReminderJob>();
        services.AddScoped<Features.Reorganisations.Reorganisations>();
        services.AddScoped<Features.NoticeImport.NoticeReading>();
        services.AddScoped<Features.NoticeImport.NoticeImporter>();
        services.AddScoped<Leases>();
        services.AddScoped<Features.Notifications.OutboxSender>();
        services.AddHostedService<Features.Notifications.ReminderScheduler>();
        services.AddHttpContextAccessor();
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 64 * 1024 * 1024;
            o.AddPolicy(PageCache.Policy, new PageCache());
            // The public page is the same for every visitor in a language: kept a minute, emptied when a notice is
            // opened or closed (tag), never for a signed-in request (the default policy's rule).
            o.AddPolicy(Features.Public.PublicController.CachePolicy, b => b.Expire(TimeSpan.FromSeconds(60)).Tag(Features.Public.PublicController.CacheTag)
                .SetVaryByQuery("culture").VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name)));
        });

        // Pages of a few hundred rows compress ten-fold for district networks. Over HTTPS too: the only secret in a
        // page, the antiforgery token, is different in every response, which defeats BREACH-style guessing.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Every text of the portal, in the words of its level (LevelLocalizer).
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<Features.Shared.SharedResource>, Features.Shared.LevelLocalizer>();

        // Vietnamese letters are written as they are, not as &#x...; entities (HTML-sensitive characters are still encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Keys live in the database so that every app node (and every restart) can read the others' cookies.
        services.AddDataProtection().SetApplicationName("HiepDuc.ParPortal").PersistKeysToDbContext<ParPortalDbContext>();
        services.Configure<RazorViewEngineOptions>(o =>
        {
            // Feature folders: a controller's views live beside it.
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
            o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
        });
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<MustChangePasswordFilter>();
                o.Filters.Add<DomainErrorFilter>();
            })
            .AddJsonOptions(o =>
            {
                // The API's JSON: camelCase names, enums by name ("overdue"), Vietnamese letters as they are.
                o.JsonSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
                o.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                o.JsonSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddOptions<MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((o, factory) =>
        {
            // Model-binding errors ("abc" for a number, an unknown status) in the user's language.
            var l = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Binding_AttemptedValueIsInvalid", v, f]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Binding_NonPropertyAttemptedValueIsInvalid", v]);
            m.SetUnknownValueIsInvalidAccessor(f => l["Binding_UnknownValueIsInvalid", f]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding_NonPropertyUnknownValueIsInvalid"]);
            m.SetValueIsInvalidAccessor(v => l["Binding_NonPropertyAttemptedValueIsInvalid", v]);
            m.SetValueMustBeANumberAccessor(f => l["Binding_ValueMustBeANumber", f]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding_NonPropertyValueMustBeANumber"]);
            m.SetValueMustNotBeNullAccessor(f => l["Binding_ValueMustNotBeNull", f]);
            m.SetMissingBindRequiredValueAccessor(f => l["Binding_ValueMustNotBeNull", f]);
            m.SetMissingKeyOrValueAccessor(() => l["Binding_MissingKeyOrValue"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding_MissingKeyOrValue"]);
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Vietnamese first: the browser's language is not consulted, only the user's explicit choice. The API has no
            // cookie: its callers choose the language of its messages with Accept-Language (Vietnamese by default).
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(context.Request.IsApi()
                    ? Features.Api.ApiCulture.FromAcceptLanguage(context.Request)
                    : null)),
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        services.AddOptions<Features.Api.ApiOptions>().BindConfiguration(Features.Api.ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOpenApi("v1", Features.Api.ApiDocument.Configure);
        return services;
    }

    public static WebApplication UseParPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.HttpsRedirection)
            {
                app.UseHsts();
                app.UseHttpsRedirection();
            }
        }

        app.UseResponseCompression();
        // A page's error is a page; the API's is a Problem Details document (a status with no body of its own gets one).
        app.UseWhen(c => !c.Request.IsApi(), b => b.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseWhen(c => c.Request.IsApi(), b => b.UseStatusCodePages(Features.Api.ApiProblems.StatusCodePageAsync));
        // The host's own logger, not the static one (several hosts in one process, as in the tests, each keep their log).
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseRequestLocalization();
        app.UseApiReferencePolicy();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache(); // after authorization: a cached page is only ever served to a request that may see it
        app.MapStaticAssets().AllowAnonymous();
        // For a load balancer: "live" answers while the process runs, "ready" once the database answers too.
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        Features.Api.ApiDocument.Map(app);
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}").WithStaticAssets();
        // Ends the pipeline here rather than when the server starts: the routes are then known to LinkGenerator at once,
        // for the notifications written while the database is seeded and by the set-up commands.
        app.UseEndpoints(_ => { });
        return app;
    }

    /// <summary>A culture whose short date is dd/MM/yyyy, as Vietnamese readers write it, in either language.</summary>
    private static CultureInfo PortalCulture(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        culture.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        culture.DateTimeFormat.DateSeparator = "/";
        return culture;
    }
}
