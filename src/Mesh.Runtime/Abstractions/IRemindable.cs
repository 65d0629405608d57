namespace Mesh.Runtime;

/// <summary>Implemented by grains that receive durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Receives one tick of a reminder.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
