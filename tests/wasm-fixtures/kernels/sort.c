// Sorts 128K generated 32-bit integers with an in-place quicksort (explicit stack, insertion sort for small ranges):
// compares, branches, loads and stores. Freestanding; `bench` returns a checksum of the sorted array.
#define COUNT (1u << 17)

static unsigned int values[COUNT];

static void insertion(unsigned int *a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
        unsigned int v = a[i];
        int j = i - 1;
        while (j >= lo && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void quicksort(unsigned int *a, int n) {
    int stack[128];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top > 0) {
        int hi = stack[--top], lo = stack[--top];
        while (hi - lo > 16) {
            int mid = lo + (hi - lo) / 2;
            unsigned int x = a[lo], y = a[mid], z = a[hi];
            unsigned int pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { unsigned int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
            }
            // Recurse into the smaller side through the stack, loop on the larger: the stack stays logarithmic.
            if (j - lo < hi - i) { stack[top++] = i; stack[top++] = hi; hi = j; }
            else { stack[top++] = lo; stack[top++] = j; lo = i; }
        }
        insertion(a, lo, hi);
    }
}

__attribute__((export_name("bench"))) unsigned int bench(void) {
    unsigned int state = 42u;
    for (unsigned int i = 0; i < COUNT; i++) {
        state ^= state << 13; state ^= state >> 17; state ^= state << 5;
        values[i] = state;
    }
    quicksort(values, (int)COUNT);
    unsigned int sum = 0;
    for (unsigned int i = 0; i < COUNT; i++) {
        if (i > 0 && values[i - 1] > values[i]) return 0;  // not sorted: a wrong engine shows here
        sum = sum * 31u + values[i];
    }
    return sum;
}
