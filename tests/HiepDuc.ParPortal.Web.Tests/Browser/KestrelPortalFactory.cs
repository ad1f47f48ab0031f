using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HiepDuc.ParPortal.Web.Tests.Browser;

/// <summary>The portal on a real Kestrel port on 127.0.0.1, for the browser.</summary>
public sealed class KestrelPortalFactory : PortalFactory
{
    private Uri? _root;

    public KestrelPortalFactory()
        : this(DefaultNow)
    {
    }

    public KestrelPortalFactory(DateTimeOffset start)
        : base(start)
    {
        // The browser talks plain HTTP to 127.0.0.1; production cookies stay Secure.
        Settings["Security:SecureCookies"] = "false";
        Settings["Security:HttpsRedirection"] = "false";
        UseKestrel(0);
    }

    public Uri RootUri
    {
        get
        {
            if (_root is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                _root = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
            }

            return _root;
        }
    }

    public string Url(string path) => new Uri(RootUri, path).ToString();
}
