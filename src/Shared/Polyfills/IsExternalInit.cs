// netstandard2.0 lacks the type that marks init-only setters; the compiler recognises it by name, so this internal copy
// lets records and init-only setters (Usage, CostRecord, the generator's models) compile for it.
#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
#endif
