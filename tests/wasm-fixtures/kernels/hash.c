// A hash over 2 MB of generated data: byte loads, integer multiply and xor, a tight loop.
// Freestanding (no libc); the exported `bench` returns the hash so engines can be compared.
#define SIZE (2u << 20)

static unsigned char data[SIZE];

__attribute__((export_name("bench"))) unsigned int bench(void) {
    unsigned int state = 0x12345678u;
    for (unsigned int i = 0; i < SIZE; i++) {
        state = state * 1664525u + 1013904223u;
        data[i] = (unsigned char)(state >> 24);
    }
    unsigned int hash = 2166136261u;
    for (unsigned int i = 0; i < SIZE; i++) {
        hash ^= data[i];
        hash *= 16777619u;
    }
    hash ^= hash >> 15;
    return hash;
}
