// Tries to leave the preopen /sandbox: by "..", by an absolute path no preopen holds, and through symlinks the host
// made (up -> ../outside, abs -> an absolute path); each attempt prints the error it got.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void attempt(const char *what, int result) {
    printf("%s: %s\n", what, result >= 0 ? "ALLOWED" : strerror(errno));
}

int main(void) {
    struct stat st;
    attempt("open ../outside/secret.txt", open("/sandbox/../outside/secret.txt", O_RDONLY));
    attempt("open via up/secret.txt", open("/sandbox/up/secret.txt", O_RDONLY));
    attempt("open via abs", open("/sandbox/abs", O_RDONLY));
    attempt("create ../escaped.txt", open("/sandbox/../escaped.txt", O_WRONLY | O_CREAT, 0644));
    attempt("create via up/escaped.txt", open("/sandbox/up/escaped.txt", O_WRONLY | O_CREAT, 0644));
    attempt("stat via up", stat("/sandbox/up/secret.txt", &st));
    attempt("mkdir via up", mkdir("/sandbox/up/made", 0755));
    attempt("open /etc/passwd", open("/etc/passwd", O_RDONLY));
    attempt("open inside", open("/sandbox/inside.txt", O_RDONLY));
    return 0;
}
