; Per-machine kiosk start-up: the citizen screen opens for every user at log-on.
; Removed again on uninstall. (Real lock-down is Windows Assigned Access: see README.)
!macro customInstall
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "DiemHoTroSoKiosk" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --kiosk'
!macroend

!macro customUnInstall
  DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "DiemHoTroSoKiosk"
!macroend
