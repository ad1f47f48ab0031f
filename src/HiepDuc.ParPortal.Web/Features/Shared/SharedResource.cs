namespace HiepDuc.ParPortal.Web.Features.Shared;

/// <summary>Marker for the portal's texts: Resources/Features/Shared/SharedResource.resx (vi-VN) and .en-US.resx.</summary>
public sealed class SharedResource;
