#define _GNU_SOURCE
#include "gouji_icu.h"
#include <errno.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

int gouji_memfile_create(const void *bytes, long length) {
#ifdef __linux__
    int fd = memfd_create("gouji-docx", MFD_CLOEXEC);
    if (fd < 0) return -1;
    const char *p = bytes;
    long done = 0;
    while (done < length) {
        ssize_t n = write(fd, p + done, (size_t)(length - done));
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        done += n;
    }
    return fd;
#else
    (void)bytes; (void)length;
    errno = ENOSYS;
    return -1;
#endif
}
