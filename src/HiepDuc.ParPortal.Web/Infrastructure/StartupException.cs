namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>A configuration or environment problem that stops start-up; its message is shown without a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
