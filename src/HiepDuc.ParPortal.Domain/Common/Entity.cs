namespace HiepDuc.ParPortal.Domain.Common;

public abstract class Entity
{
    public int Id { get; private set; }
}

/// <summary>
/// An entity two people may edit at once. <see cref="Version"/> is the optimistic-concurrency token;
/// the persistence layer raises it on every save, so it works alike on SQLite and SQL Server.
/// </summary>
public abstract class VersionedEntity : Entity
{
    public long Version { get; private set; }
}
