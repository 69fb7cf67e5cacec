// netstandard2.0 lacks the type that marks init-only setters; the compiler recognises it by name, so this internal copy
// lets Usage offer 'new Usage { InputTokens = 1000 }' to C# 9 and later.
#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
#endif
