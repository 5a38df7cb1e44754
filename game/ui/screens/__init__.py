"""Full screens of the app: title, set-up, the game, history, ending, help, encyclopedia."""
