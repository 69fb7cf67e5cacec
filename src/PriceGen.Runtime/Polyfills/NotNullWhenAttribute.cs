// netstandard2.0 lacks the nullable-analysis attributes; the compiler recognises them by name, so this internal copy
// lets TryGetModel tell callers that the model is not null when it returns true.
#if NETSTANDARD2_0
namespace System.Diagnostics.CodeAnalysis;

[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotNullWhenAttribute : Attribute
{
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    public bool ReturnValue { get; }
}
#endif
