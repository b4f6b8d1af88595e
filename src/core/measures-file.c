/* measures-file.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading files whole and replacing them atomically: what the loader,
 * the cache and every export share. Only regular files are read or
 * replaced; pipes, devices and sockets are refused at once.
 */

#define G_LOG_DOMAIN "measures-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "measures-file.h"

#ifdef G_OS_UNIX
/* Opens a local file for reading if it is a regular file. It is opened
 * without waiting, and its type is taken from what was opened: a FIFO
 * (or a device) put in place of a file after its type was checked would
 * otherwise block the open, or the reads, until a writer came. */
static int
_measures_file_open_regular (const char  *path,
                             guint64     *size,
                             GError     **error)
{
  struct stat info;
  int fd;
  int flags;

  do
    fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return -1;
    }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      gboolean folder = S_ISDIR (info.st_mode);

      close (fd);
      g_set_error_literal (error, G_IO_ERROR,
                           folder ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                           folder ? "a folder" : "not a regular file");
      return -1;
    }

  /* Reads of a regular file never wait for a writer anyway. */
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  *size = info.st_size;

  return fd;
}

static gssize
_measures_file_read_some (int           fd,
                          char         *buffer,
                          gsize         count,
                          GCancellable *cancellable,
                          GError      **error)
{
  gssize got;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  do
    got = read (fd, buffer, count);
  while (got < 0 && errno == EINTR);

  if (got < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
    }

  return got;
}
#endif

/**
 * measures_file_read_all:
 * @limit: the largest size to read; a file that grows beyond it while
 *   it is read gives %G_IO_ERROR_MESSAGE_TOO_LARGE
 *
 * Reads a file in one go into a buffer of its size, where
 * g_file_load_contents() grows its buffer step by step. The contents end
 * with a nul byte not counted in @length. Only a regular file is read: a
 * FIFO, a device or a socket gives %G_IO_ERROR_NOT_REGULAR_FILE at once,
 * even when it takes the place of a file after its type was checked.
 */
gboolean
measures_file_read_all (GFile         *file,
                        goffset        limit,
                        GCancellable  *cancellable,
                        char         **contents,
                        gsize         *length,
                        GError       **error)
{
  g_autofree char *buffer = NULL;
  gsize size = 0, capacity;

#ifdef G_OS_UNIX
  if (g_file_peek_path (file) != NULL)
    {
      guint64 file_size;
      int fd = _measures_file_open_regular (g_file_peek_path (file), &file_size, error);

      if (fd < 0)
        return FALSE;

      capacity = MIN (file_size, (guint64) limit) + 4096;
      buffer = g_malloc (capacity + 1);

      for (;;)
        {
          /* A slice at a time, to notice a cancellation. */
          gssize got = _measures_file_read_some (fd, buffer + size, MIN (capacity - size, 16 * 1024 * 1024),
                                                 cancellable, error);

          if (got < 0)
            {
              close (fd);
              return FALSE;
            }
          if (got == 0)
            break;
          size += got;

          if (size > (gsize) limit)
            {
              close (fd);
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "the file grew too large");
              return FALSE;
            }

          /* It grew while being read. */
          if (size == capacity)
            {
              capacity = MIN (capacity * 2, (gsize) limit + 4096);
              buffer = g_realloc (buffer, capacity + 1);
            }
        }
      close (fd);

      buffer[size] = '\0';
      *contents = g_steal_pointer (&buffer);
      *length = size;

      return TRUE;
    }
#endif

  {
    g_autoptr(GFileInputStream) stream = NULL;
    g_autoptr(GFileInfo) info = NULL;

    if ((stream = g_file_read (file, cancellable, error)) == NULL)
      return FALSE;

    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                           cancellable, NULL);
    if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE) &&
        g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not a regular file");
        return FALSE;
      }
    capacity = (info != NULL ? (gsize) CLAMP (g_file_info_get_size (info), 0, limit) : 0) + 4096;
    buffer = g_malloc (capacity + 1);

    for (;;)
      {
        gsize got = 0;

        if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + size, capacity - size,
                                      &got, cancellable, error))
          return FALSE;
        size += got;
        if (size > (gsize) limit)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "the file grew too large");
            return FALSE;
          }
        if (size < capacity)
          break;

        /* It grew while being read. */
        capacity = MIN (capacity * 2, (gsize) limit + 4096);
        buffer = g_realloc (buffer, capacity + 1);
      }
  }

  buffer[size] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = size;

  return TRUE;
}

/**
 * measures_file_get_memory_size:
 *
 * Returns: the memory the machine can give a process, in bytes: its
 *   physical memory, or less when the process's address space is limited
 *   (RLIMIT_AS)
 */
guint64
measures_file_get_memory_size (void)
{
  guint64 size = G_MAXUINT64;

#ifdef G_OS_UNIX
  {
    long pages = sysconf (_SC_PHYS_PAGES);
    long page_size = sysconf (_SC_PAGESIZE);
    struct rlimit limit;

    if (pages > 0 && page_size > 0)
      size = (guint64) pages * (guint64) page_size;
    if (getrlimit (RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
      size = MIN (size, (guint64) limit.rlim_cur);
  }
#endif

  return MIN (size, (guint64) G_MAXSIZE);
}

/**
 * measures_format_byte_count:
 * @count: a number of bytes
 *
 * Returns: (transfer full): @count with every digit, grouped by
 *   thousands as the language groups them: "1,073,742,514" in English
 */
char *
measures_format_byte_count (guint64 count)
{
  /* Translators: what separates groups of three digits in a large
   * number, as in "1,073,742,514" */
  const char *separator = C_("digit group separator", ",");
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* A mapped file that another program cuts short while it is read would
 * stop the process: reading a page past the file's new end raises SIGBUS.
 * The pages of the mappings made here are guarded instead, as systemd's
 * journal guards its files: a handler of SIGBUS that finds the address in
 * a guarded mapping puts zeros in place of the rest of it (an anonymous
 * mapping over it, MAP_FIXED; mmap() is a plain system call, safe in a
 * handler on Linux), notes it, and returns, so that the read that faulted
 * reads zeros and goes on. Whoever reads the mapping asks
 * measures_file_map_is_unchanged() afterwards and throws away what it
 * read if not: that also tells a file cut short within its last page
 * (whose end reads as zeros without a fault) or written to meanwhile,
 * from the size and time of the file the mapping keeps open. No jump out of the handler is needed, so any code may read a
 * mapping (json-glib, memcpy, another thread), holding any lock. A fault
 * anywhere else is handed to the handler there was before, or ends the
 * process as it would have. */
#define N_GUARDS 64

typedef struct
{
  gpointer start;       /* atomic; NULL for a free slot */
  gsize length;         /* whole pages, set before @start */
  int faulted;          /* atomic */
  gpointer mapping;     /* the Mapping, under guards_lock */
} Guard;

static Guard guards[N_GUARDS];
static GMutex guards_lock;
static struct sigaction previous_sigbus;
static gsize page_size;

static void
on_sigbus (int        signal_number,
           siginfo_t *info,
           void      *context)
{
  guintptr address = (guintptr) info->si_addr;
  int saved = errno;

  for (guint i = 0; i < N_GUARDS; i++)
    {
      guintptr start = (guintptr) g_atomic_pointer_get (&guards[i].start);
      guintptr page = address & ~(guintptr) (page_size - 1);

      if (start == 0 || address < start || address >= start + guards[i].length)
        continue;

      if (mmap ((void *) page, start + guards[i].length - page, PROT_READ,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
        break;
      g_atomic_int_set (&guards[i].faulted, 1);
      errno = saved;
      return;
    }

  errno = saved;
  if ((previous_sigbus.sa_flags & SA_SIGINFO) != 0 && previous_sigbus.sa_sigaction != NULL)
    previous_sigbus.sa_sigaction (signal_number, info, context);
  else if (previous_sigbus.sa_handler != SIG_DFL && previous_sigbus.sa_handler != SIG_IGN)
    previous_sigbus.sa_handler (signal_number);
  else
    {
      /* The read faults again on return, and ends the process as it
       * would have without us. */
      struct sigaction plain = { 0, };

      plain.sa_handler = SIG_DFL;
      sigaction (SIGBUS, &plain, NULL);
    }
}

static gpointer
install_handler (gpointer data)
{
  struct sigaction action = { 0, };

  page_size = sysconf (_SC_PAGESIZE);
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO | SA_RESTART | SA_NODEFER;
  sigemptyset (&action.sa_mask);

  return GINT_TO_POINTER (sigaction (SIGBUS, &action, &previous_sigbus) == 0);
}

/* A free slot for a mapping of @length whole pages, or -1 when there is
 * none (or no handler). */
static int
guard (gpointer start,
       gsize    length,
       gpointer mapping)
{
  static GOnce installed = G_ONCE_INIT;

  if (!GPOINTER_TO_INT (g_once (&installed, install_handler, NULL)))
    return -1;

  g_mutex_lock (&guards_lock);
  for (guint i = 0; i < N_GUARDS; i++)
    if (g_atomic_pointer_get (&guards[i].start) == NULL)
      {
        guards[i].length = length;
        guards[i].mapping = mapping;
        g_atomic_int_set (&guards[i].faulted, 0);
        g_atomic_pointer_set (&guards[i].start, start);
        g_mutex_unlock (&guards_lock);
        return i;
      }
  g_mutex_unlock (&guards_lock);

  return -1;
}

typedef struct
{
  gpointer start;
  gsize length;
  int slot;
  int fd;                   /* the file mapped, to see if it changed */
  struct stat mapped;       /* what it was then */
} Mapping;

static void
unmap (gpointer data)
{
  Mapping *mapping = data;

  g_mutex_lock (&guards_lock);
  guards[mapping->slot].mapping = NULL;
  g_atomic_pointer_set (&guards[mapping->slot].start, NULL);
  g_mutex_unlock (&guards_lock);
  munmap (mapping->start, mapping->length);
  close (mapping->fd);
  g_free (mapping);
}

/* A guarded read-only mapping of @fd (which it takes) as @info says it
 * is, or NULL (errno set, @fd closed) when it cannot be mapped or
 * guarded. */
static GBytes *
map_guarded (int                fd,
             const struct stat *info)
{
  g_autofree Mapping *mapping = g_new0 (Mapping, 1);
  guint64 size = info->st_size;
  gpointer start;
  int saved;

  if (page_size == 0)
    page_size = sysconf (_SC_PAGESIZE);
  if (size > G_MAXSIZE - page_size)
    {
      close (fd);
      errno = ENOMEM;
      return NULL;
    }
  mapping->length = (size + page_size - 1) & ~(guint64) (page_size - 1);
  mapping->fd = fd;
  mapping->mapped = *info;

  mapping->start = mmap (NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (mapping->start == MAP_FAILED)
    {
      saved = errno;
      close (fd);
      errno = saved;
      return NULL;
    }
  if ((mapping->slot = guard (mapping->start, mapping->length, mapping)) < 0)
    {
      munmap (mapping->start, size);
      close (fd);
      errno = EAGAIN;
      return NULL;
    }

  start = mapping->start;

  return g_bytes_new_with_free_func (start, size, unmap, g_steal_pointer (&mapping));
}

/**
 * measures_file_map_is_unchanged:
 * @bytes: what measures_file_map() gave
 *
 * Whether @bytes are still what the file held when it was mapped: %FALSE
 * when another program cut it short (what lay past its new end then read
 * as zeros, see measures_file_map()) or wrote to it since. Ask once the
 * bytes have been read, and throw away what was read if not. Bytes that
 * are not a mapping never change.
 */
gboolean
measures_file_map_is_unchanged (GBytes *bytes)
{
  const Mapping *mapping = NULL;
  struct stat now;

  if (g_bytes_get_data (bytes, NULL) == NULL)
    return TRUE;

  g_mutex_lock (&guards_lock);
  for (guint i = 0; i < N_GUARDS && mapping == NULL; i++)
    if (g_atomic_pointer_get (&guards[i].start) == g_bytes_get_data (bytes, NULL))
      mapping = guards[i].mapping;
  g_mutex_unlock (&guards_lock);

  if (mapping == NULL)
    return TRUE;

  return !g_atomic_int_get (&guards[mapping->slot].faulted) && fstat (mapping->fd, &now) == 0 &&
         now.st_size == mapping->mapped.st_size &&
         now.st_mtim.tv_sec == mapping->mapped.st_mtim.tv_sec &&
         now.st_mtim.tv_nsec == mapping->mapped.st_mtim.tv_nsec;
}

/**
 * measures_file_map:
 * @file: a file
 * @limit: the largest size to take in
 * @mapped: (out): whether the bytes are a mapping of the file, whose
 *   pages may be given back to the kernel once read
 *
 * Maps a local regular file, so that its contents are the page cache's
 * and only what is being read takes memory; reads other files as
 * measures_file_read_all() does. A file larger than @limit gives
 * %G_IO_ERROR_MESSAGE_TOO_LARGE.
 *
 * Another program may cut the file short while it is mapped: what lay
 * past its new end then reads as zeros instead of stopping the process
 * (SIGBUS), and measures_file_map_is_unchanged() tells it.
 *
 * Returns: (transfer full) (nullable): the contents
 */
GBytes *
measures_file_map (GFile         *file,
                   guint64        limit,
                   GCancellable  *cancellable,
                   gboolean      *mapped,
                   GError       **error)
{
  char *contents = NULL;
  gsize length;

  *mapped = FALSE;

#ifdef G_OS_UNIX
  if (g_file_peek_path (file) != NULL)
    {
      GBytes *bytes;
      guint64 size;
      struct stat info;
      int fd = _measures_file_open_regular (g_file_peek_path (file), &size, error);

      if (fd < 0)
        return NULL;
      if (fstat (fd, &info) != 0)
        size = 0;
      if (size > limit)
        {
          close (fd);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "the file is too large");
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
      if (size == 0)
        {
          close (fd);
          return g_bytes_new (NULL, 0);
        }

      info.st_size = size;
      bytes = map_guarded (fd, &info);
      if (bytes != NULL)
        {
          *mapped = TRUE;
          return bytes;
        }
      /* No mapping, or no guard left for one: read it. */
    }
#endif

  if (!measures_file_read_all (file, (goffset) MIN (limit, (guint64) G_MAXINT64), cancellable,
                               &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

/**
 * measures_file_release:
 * @data: part of a read-only mapping of a file, as measures_file_map()
 *   makes
 * @length: its length
 *
 * Gives the whole pages of @data back to the kernel: they stay in the
 * page cache and come back when read again.
 */
void
measures_file_release (const char *data,
                       gsize       length)
{
#if defined(MADV_DONTNEED) && defined(G_OS_UNIX)
  gsize page = sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) data + page - 1) & ~(guintptr) (page - 1);
  guintptr end = ((guintptr) data + length) & ~(guintptr) (page - 1);

  if (end > start)
    madvise ((void *) start, end - start, MADV_DONTNEED);
#endif
}

/* Where an export to @path writes: @path itself, or the file that a
 * symbolic link at @path leads to, so that the link stays a link. Only a
 * regular file, or nothing yet, is written: a rename over a device, a
 * pipe or a socket would not write to it but replace it (as root,
 * /dev/null itself), so those are refused before anything is written,
 * as is a link that leads to one or to nothing. *exists says whether
 * there is a file to replace, and @st is then its status. */
static char *
resolve_target (const char   *path,
                struct stat  *st,
                gboolean     *exists,
                GError      **error)
{
  int saved;

  *exists = FALSE;

  if (lstat (path, st) != 0)
    {
      saved = errno;

      /* A new file; a missing folder is told when the file is made. */
      if (saved == ENOENT || saved == ENOTDIR)
        return g_strdup (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }

  if (S_ISLNK (st->st_mode))
    {
      g_autofree char *link = g_file_read_link (path, NULL);
      char *real, *resolved;

      if (stat (path, st) != 0)
        {
          saved = errno;

          if (saved == ENOENT)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         /* Translators: the first %s is a file, the second where it leads */
                         _("Cannot write “%s”: it is a link to “%s”, which does not exist"),
                         path, link != NULL ? link : "");
          else
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                         _("Cannot write “%s”: %s"), path, g_strerror (saved));
          return NULL;
        }

      if (!S_ISREG (st->st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       /* Translators: the first %s is a file, the second where it leads */
                       _("Cannot write “%s”: it is a link to “%s”, which is not a file"),
                       path, link != NULL ? link : "");
          return NULL;
        }

      real = realpath (path, NULL);
      if (real == NULL)
        {
          saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot write “%s”: %s"), path, g_strerror (saved));
          return NULL;
        }

      /* realpath() allocates with malloc(). */
      resolved = g_strdup (real);
      free (real);
      *exists = TRUE;
      return resolved;
    }

  if (S_ISREG (st->st_mode))
    {
      *exists = TRUE;
      return g_strdup (path);
    }

  if (S_ISDIR (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("Cannot write “%s”: it is a folder, not a file"), path);
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Cannot write “%s”: it is a device, not a file"), path);
  else if (S_ISFIFO (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Cannot write “%s”: it is a named pipe, not a file"), path);
  else if (S_ISSOCK (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Cannot write “%s”: it is a socket, not a file"), path);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Cannot write “%s”: it is not a file"), path);

  return NULL;
}

/* The temporary file an export writes beside its target, renamed over
 * the target once complete. */
#define EXPORT_TEMPORARY "measures-export-"

static gboolean
is_export_temporary (const char *name)
{
  gsize prefix = 1 + strlen (EXPORT_TEMPORARY);

  if (name[0] != '.' || strncmp (name + 1, EXPORT_TEMPORARY, prefix - 1) != 0 ||
      strlen (name) != prefix + 6)
    return FALSE;
  for (const char *p = name + prefix; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* A killed export leaves its temporary file beside the target; the next
 * export into that folder removes those that nobody is writing.
 *
 * An export holds an flock() on its temporary file from the moment it
 * makes it until it has renamed it, and the kernel drops the lock when
 * the process ends, however it ends: a temporary file that can be locked
 * is one that nobody writes. flock() rather than fcntl() locks, because
 * those belong to the process: another export of the same window, in
 * another thread, would not see them, and closing any descriptor of the
 * file would drop them. Rather than a process id in the name, because
 * ids are reused and differ between a Flatpak sandbox and the host that
 * share a folder. Where the file system gives us no flock() (on NFS it
 * becomes a POSIX lock, which wants a descriptor open for writing, and
 * ours is open for reading), a temporary file untouched for an hour is
 * taken as left over: a live export writes its file in seconds. */
static void
remove_leftovers (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st, now;
      gboolean left_over;
      int fd;

      if (!is_export_temporary (name))
        continue;

      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
      if (fd < 0)
        continue;

      if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
        left_over = FALSE;
      else if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        left_over = TRUE;
      else
        left_over = errno != EWOULDBLOCK && errno != EINTR && time (NULL) - st.st_mtime > 3600;

      /* Only the file that was locked, not one made since under the name. */
      if (left_over && lstat (path, &now) == 0 && now.st_dev == st.st_dev && now.st_ino == st.st_ino)
        {
          g_debug ("Removing %s: no export is writing it", path);
          g_unlink (path);
        }
      close (fd);
    }
}

/* Makes the temporary file in @dir, locked (see remove_leftovers()). */
static int
create_temporary (const char  *dir,
                  int          mode,
                  char       **tmp)
{
  /* Another export may be removing leftovers in this folder: one that
   * locked the file first, or removed it before it was locked, makes us
   * take another name. */
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_autofree char *name = g_build_filename (dir, "." EXPORT_TEMPORARY "XXXXXX", NULL);
      struct stat by_fd, by_name;
      int fd = g_mkstemp_full (name, O_WRONLY | O_CLOEXEC, mode);

      if (fd < 0)
        return -1;

      if ((flock (fd, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK) &&
          fstat (fd, &by_fd) == 0 && lstat (name, &by_name) == 0 &&
          by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino)
        {
          *tmp = g_steal_pointer (&name);
          return fd;
        }

      close (fd);
    }

  errno = EAGAIN;
  return -1;
}

/* The file that replaces the one of @st gets its owner and group where
 * it may (as root; a group we are in), then its permissions, as chown
 * can clear mode bits. Set-user-ID and set-group-ID are not kept: a
 * write to the file would have cleared them as well. Neither is worth
 * failing the export for. */
static void
keep_owner_and_mode (int                fd,
                     const struct stat *st)
{
  if ((st->st_uid != geteuid () || st->st_gid != getegid ()) &&
      fchown (fd, st->st_uid, st->st_gid) != 0 &&
      fchown (fd, (uid_t) -1, st->st_gid) != 0)
    g_debug ("Cannot give the export the owner of the file it replaces: %s", g_strerror (errno));

  if (fchmod (fd, st->st_mode & 0777) != 0)
    g_debug ("Cannot give the export the permissions of the file it replaces: %s", g_strerror (errno));
}

/* The temporary file's descriptor as a stream, whose errors name the
 * file being replaced, as every message of an export does. The
 * descriptor stays the replacement's, which closes it. */
#define MEASURES_TYPE_FD_OUTPUT (measures_fd_output_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresFdOutput, measures_fd_output, MEASURES, FD_OUTPUT, GOutputStream)

struct _MeasuresFdOutput
{
  GOutputStream parent_instance;

  int fd;
  char *path;      /* the file being replaced, for messages */
};

G_DEFINE_FINAL_TYPE (MeasuresFdOutput, measures_fd_output, G_TYPE_OUTPUT_STREAM)

static gssize
measures_fd_output_write (GOutputStream  *stream,
                          const void     *buffer,
                          gsize           count,
                          GCancellable   *cancellable,
                          GError        **error)
{
  MeasuresFdOutput *self = MEASURES_FD_OUTPUT (stream);
  gssize written;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  do
    written = write (self->fd, buffer, MIN (count, (gsize) G_MAXSSIZE));
  while (written < 0 && errno == EINTR);

  if (written < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), self->path, g_strerror (saved));
    }

  return written;
}

static gboolean
measures_fd_output_close (GOutputStream  *stream,
                          GCancellable   *cancellable,
                          GError        **error)
{
  return TRUE;
}

static void
measures_fd_output_finalize (GObject *object)
{
  g_free (MEASURES_FD_OUTPUT (object)->path);

  G_OBJECT_CLASS (measures_fd_output_parent_class)->finalize (object);
}

static void
measures_fd_output_class_init (MeasuresFdOutputClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = measures_fd_output_finalize;
  stream_class->write_fn = measures_fd_output_write;
  stream_class->close_fn = measures_fd_output_close;
}

static void
measures_fd_output_init (MeasuresFdOutput *self)
{
  self->fd = -1;
}

/* A file being replaced: written through a stream, put in place only
 * by measures_file_replace_commit(). */
struct _MeasuresFileReplace
{
  GOutputStream *stream;
  char *path;      /* the file replaced (a link's target), for messages */
  char *tmp;       /* the temporary file beside it; %NULL when not local */
  int fd;
};

/* A write that failed, or was cancelled, leaves nothing behind: the
 * temporary file goes, and the target is as it was. */
static void
discard (MeasuresFileReplace *self)
{
  g_clear_object (&self->stream);
  if (self->tmp != NULL)
    {
      g_unlink (self->tmp);
      g_clear_pointer (&self->tmp, g_free);
    }
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
}

/* As discard(), with the error of @saved (the errno of the failure,
 * taken before anything here can change it), or of the cancellation. */
static gboolean
abandon (MeasuresFileReplace  *self,
         int            saved,
         GCancellable  *cancellable,
         GError       **error)
{
  discard (self);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Cannot write “%s”: %s"), self->path, g_strerror (saved));

  return FALSE;
}

/**
 * measures_file_replace_new:
 * @file: where to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Starts replacing @file: what is written to the stream of
 * measures_file_replace_get_stream() goes to a temporary file beside it
 * (for a remote location, to GIO's g_file_replace()), renamed into place
 * only by measures_file_replace_commit(), so that a failure, a
 * cancellation or a crash leaves any existing file as it was. When @file
 * is a symbolic link, the file it leads to is written and the link kept;
 * a folder, a device, a pipe, a socket, or a link to one of them or to
 * nothing, is refused before anything is written. A file that is
 * replaced keeps its permissions, and its owner and group where the
 * process may give them; a new file gets the permissions of the umask.
 *
 * Returns: (transfer full) (nullable): the replacement under way; freed
 *   without a commit, it is abandoned
 */
MeasuresFileReplace *
measures_file_replace_new (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *given = g_file_get_path (file);
  g_autofree char *dir = NULL;
  MeasuresFileReplace *self;
  MeasuresFdOutput *output;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (MeasuresFileReplace, 1);
  self->fd = -1;

  /* Not a local file (a remote location): GIO's replace does the same. */
  if (given == NULL)
    {
      self->path = g_file_get_parse_name (file);
      self->stream = (GOutputStream *) g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
      if (self->stream == NULL)
        {
          measures_file_replace_free (self);
          return NULL;
        }
      return self;
    }

  self->path = resolve_target (given, &st, &exists, error);
  if (self->path == NULL)
    {
      measures_file_replace_free (self);
      return NULL;
    }

  dir = g_path_get_dirname (self->path);
  remove_leftovers (dir);

  /* open() applies the umask to this mode, as to any new file, so the
   * process's umask is neither read nor changed: umask() is process-wide
   * and exports run in threads. A file being replaced lends its own
   * permissions, so that the temporary file is never more open than it. */
  self->fd = create_temporary (dir, exists ? (int) (st.st_mode & 0777) : 0666, &self->tmp);
  if (self->fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a folder, the second %s the system's reason */
                   _("Cannot write in “%s”: %s"), dir, g_strerror (saved));
      measures_file_replace_free (self);
      return NULL;
    }

  if (exists)
    keep_owner_and_mode (self->fd, &st);

  output = g_object_new (MEASURES_TYPE_FD_OUTPUT, NULL);
  output->fd = self->fd;
  output->path = g_strdup (self->path);
  self->stream = G_OUTPUT_STREAM (output);

  return self;
}

/**
 * measures_file_replace_get_stream:
 *
 * Returns: (transfer none): where to write the new contents; its errors
 *   name the file: “Cannot write “…”: No space left on device”
 */
GOutputStream *
measures_file_replace_get_stream (MeasuresFileReplace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

/**
 * measures_file_replace_commit:
 * @self: a replacement whose contents are all written
 * @cancellable: (nullable): when cancelled, the file is not replaced
 * @error: return location for an error
 *
 * Puts the new file in place once it is on the disk. Whether it
 * succeeds or not, @self is done with: free it next.
 *
 * Returns: whether the file was replaced
 */
gboolean
measures_file_replace_commit (MeasuresFileReplace  *self,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_return_val_if_fail (self != NULL && self->stream != NULL, FALSE);

  if (self->tmp == NULL)
    {
      gboolean closed;

      /* GIO's replace leaves the file as it was when its close is
       * cancelled. */
      closed = g_output_stream_close (self->stream, cancellable, error);
      g_clear_object (&self->stream);
      return closed;
    }

  if (g_cancellable_is_cancelled (cancellable))
    return abandon (self, ECANCELED, cancellable, error);

  if (fsync (self->fd) != 0)
    return abandon (self, errno, NULL, error);

  /* Renamed while it is still open, and so locked: a leftover is a
   * temporary file that is not. */
  if (g_rename (self->tmp, self->path) != 0)
    return abandon (self, errno, NULL, error);
  g_clear_pointer (&self->tmp, g_free);

  /* The data is on the disk (fsync) and the file in place: a close()
   * that failed now could not make it incomplete, nor undo the rename. */
  discard (self);

  return TRUE;
}

/**
 * measures_file_replace_free:
 *
 * Frees a replacement; one not committed is abandoned: its temporary
 * file is removed and the file it was to replace stays as it was.
 */
void
measures_file_replace_free (MeasuresFileReplace *self)
{
  if (self == NULL)
    return;

  if (self->tmp == NULL && self->stream != NULL && !g_output_stream_is_closed (self->stream))
    {
      /* A remote replacement: a cancelled close leaves the file. */
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (self->stream, cancelled, NULL);
    }
  discard (self);
  g_free (self->path);
  g_free (self);
}

/**
 * measures_file_replace_contents:
 * @file: where to write
 * @bytes: the document
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes @bytes in place of @file, as measures_file_replace_new() does:
 * only once it is complete, so that a failure leaves any existing file
 * as it was.
 *
 * Returns: whether the file was written
 */
gboolean
measures_file_replace_contents (GFile         *file,
                                GBytes        *bytes,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(MeasuresFileReplace) replace = measures_file_replace_new (file, cancellable, error);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (replace == NULL)
    return FALSE;

  if (size > 0 && !g_output_stream_write_all (replace->stream, data, size, NULL, cancellable, error))
    return FALSE;

  return measures_file_replace_commit (replace, cancellable, error);
}
