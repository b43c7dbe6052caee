from factcheck_tui.cli import main

raise SystemExit(main())
