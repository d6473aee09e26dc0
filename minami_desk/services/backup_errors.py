"""The Dutch messages for everything that can go wrong with a backup file or its disk."""

from __future__ import annotations

import errno
from pathlib import Path

from minami_desk.data import backup_format
from minami_desk.errors import UserError
from minami_desk.i18n import _


class BackupError(UserError):
    """Any backup or restore failure the user can act on."""


class WrongPassphraseError(BackupError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The passphrase is not correct for this backup file. Check capital letters and "
                "spaces, and try again."
            )
        )


class DamagedBackupError(BackupError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The backup file is damaged or incomplete (or it is not a Mi na Mi Desk backup). "
                "Nothing has been changed. Use another copy of the backup."
            )
        )


class UnknownBackupVersionError(BackupError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This backup file was made in a newer format than this version of Mi na Mi Desk "
                "can read. Install the newest version and try again."
            )
        )


class UnsafeBackupParametersError(DamagedBackupError):
    """A header asking for an absurd key derivation: refused before any work is done."""

    def __init__(self) -> None:
        BackupError.__init__(
            self,
            _(
                "The backup file asks for unusually heavy decryption settings and is refused "
                "for safety. Nothing has been changed."
            ),
        )


class BackupTooNewError(BackupError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "This backup contains a database from a newer version of Mi na Mi Desk. "
                "Install that version to restore it. Nothing has been changed."
            )
        )


class LiveDatabaseDamagedError(BackupError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The database itself is damaged, so no backup was made. Run "
                "'minami-desk check', and restore the newest good backup."
            )
        )


class BackupNotVerifiedError(BackupError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The backup did not read back correctly after writing, so it was not kept. "
                "Try again, or choose another place (the disk or stick may be failing)."
            )
        )


class BackupStorageError(BackupError):
    """The disk refused: full, read-only, or no permission. No partial file was left."""


def format_error(error: backup_format.BackupFormatError) -> BackupError:
    """The user's message for a reason ``data.backup_format`` found."""
    if isinstance(error, backup_format.WrongPassphrase):
        return WrongPassphraseError()
    if isinstance(error, backup_format.UnknownVersion):
        return UnknownBackupVersionError()
    if isinstance(error, backup_format.KdfRefused):
        return UnsafeBackupParametersError()
    return DamagedBackupError()


_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}


def storage_error(error: OSError, folder: Path) -> BackupStorageError:
    """Say why the disk refused, naming the folder (a path, never personal data)."""
    if error.errno in _NO_SPACE:
        return BackupStorageError(
            _(
                "There is not enough free space in {folder}. Nothing was saved there; "
                "make room or choose another place, and try again."
            ).format(folder=folder)
        )
    if error.errno in _NO_PERMISSION:
        return BackupStorageError(
            _(
                "Mi na Mi Desk may not write in {folder} (no permission, or the disk is "
                "read-only). Nothing was saved there; choose another place."
            ).format(folder=folder)
        )
    if error.errno == errno.ENOENT:
        return BackupStorageError(
            _("The folder {folder} does not exist. Choose an existing folder.").format(
                folder=folder
            )
        )
    return BackupStorageError(
        _("Writing in {folder} failed ({reason}). Nothing was saved there.").format(
            folder=folder, reason=error.strerror or type(error).__name__
        )
    )
