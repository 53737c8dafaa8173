/**
 * The interface's words in English: the source of truth for every other language. A message
 * is a string with `{name}` parameters, or, where a count changes the words, one string per
 * plural category (`{ one, other }`; other languages add theirs, e.g. Polish `few` and `many`).
 * A key added here is a type error in every other catalogue until it is translated there, and
 * test/i18n/catalogues.test.ts checks that keys and parameters agree.
 */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export const en = {
  // The page shell
  'shell.skipToContent': 'Skip to content',
  'shell.builtWith': '{site} · built with Knowhow',
  'shell.home': 'Home',
  'shell.breadcrumb': 'Breadcrumb',
  'shell.section': 'Section',
  'shell.allEntries': 'All {count} entries in {section}',
  'shell.onThisPage': 'On this page',
  'shell.relatedPages': 'Related pages',
  'shell.editPage': 'Edit this page',
  'shell.lastUpdated': 'Last updated {date}',
  'shell.summary': 'Summary: ',
  'shell.draft': 'Draft: only shown in the preview, not published.',

  // The header's account corner (also filled in by scripts/account/menu.ts)
  'menu.label': 'Account',
  'menu.toAcknowledge': 'To acknowledge: {count}',
  'menu.myTraining': 'My training',
  'menu.reports': 'Reports',
  'menu.reviews': 'Reviews',
  'menu.admin': 'Admin',
  'menu.signIn': 'Sign in',
  'menu.signOut': 'Sign out',

  // Page types
  'type.policy': 'Policy',
  'type.procedure': 'Procedure',
  'type.guide': 'Guide',
  'type.faq': 'FAQ',

  // Section listings and the home page
  'listing.lessons': 'Lessons',
  'listing.pagesIn': 'Pages in {section}',
  'listing.modules': 'Modules',
  'listing.sections': 'Sections',
  'listing.reviewOverdue': 'Review overdue',
  'listing.updated': ' · updated {date}',
  'home.sections': 'Sections',
  'home.recentlyUpdated': 'Recently updated',
  'home.about': 'About this handbook',

  // The trust line
  'trust.owner': 'Owner',
  'trust.noOwner': 'No owner',
  'trust.lastReviewed': 'Last reviewed',
  'trust.never': 'Never',
  'trust.nextReview': 'Next review',
  'trust.every': ' (every {interval})',
  'trust.overdueTitle': 'Review overdue.',
  'trust.overdueText': 'This page was due for review on {date}. Check with {owner} before relying on it.',
  'trust.thePageOwner': 'the page owner',
  'duration.d': { one: '{count} day', other: '{count} days' },
  'duration.w': { one: '{count} week', other: '{count} weeks' },
  'duration.m': { one: '{count} month', other: '{count} months' },
  'duration.y': { one: '{count} year', other: '{count} years' },

  // Callouts (remark-callouts.ts, components/mdx/Callout.astro)
  'callout.note': 'Note',
  'callout.tip': 'Tip',
  'callout.warning': 'Warning',
  'callout.say': 'Say to the customer',

  // Lessons
  'lesson.position': 'Lesson {position} of {total} in {module}',
  'lesson.navLabel': '{module}: lessons',
  'lesson.next': 'Next:',
  'lesson.start': 'Start:',
  'lesson.markDone': 'Mark this lesson as done',
  'lesson.yourProgress': 'Your progress',

  // Search: the boxes, the dialog, the results page
  'search.label': 'Search the handbook',
  'search.largeLabel': 'What do you need to know?',
  'search.largePlaceholder': 'e.g. customer wants a refund after 30 days',
  'search.placeholder': 'Search',
  'search.button': 'Search',
  'search.dialogPlaceholder': 'Ask a question, e.g. refund after 30 days',
  'search.keys': '{up} {down} to choose, {enter} to open, {esc} to close',
  'search.filterType': 'Type',
  'search.filterSection': 'Section',
  'search.filterTag': 'Tag',
  'search.filterLanguage': 'Language',
  'search.all': 'All',
  'search.results': 'Search results',
  'search.title': 'Search',
  'search.titleWithQuery': 'Search: {query}',
  'search.unavailable': 'Search is not available here: the search index is made by {command}.',
  'search.tooMany': 'Too many searches from this address; try again in {seconds} s.',
  'search.noMatch': 'No pages match “{query}”.',
  'search.count': { one: '{count} page for “{query}”', other: '{count} pages for “{query}”' },
  'search.countMore': '{count}+ pages for “{query}”',
  'searchUi.unavailable':
    'Search is not available on this copy of the site: its index is made by npm run build. Press Enter for the full results page.',
  'searchUi.noMatch': 'No pages match “{query}”. Try other words, or fewer filters.',
  'searchUi.someOf': '{shown} of {total} pages',
  'searchUi.pages': { one: '{count} page', other: '{count} pages' },
  'searchUi.reviewOverdue': 'Review overdue',
  'searchUi.all': 'All',

  // Page not found
  'notFound.title': 'Page not found',
  'notFound.text': 'The page may have moved or been renamed. Search for it, or start from the {home}.',
  'notFound.home': 'home page',

  // "Was this page helpful?"
  'feedback.question': 'Was this page helpful?',
  'feedback.yes': 'Yes',
  'feedback.no': 'No',
  'feedback.commentLabel': 'What should this page say or do better? (optional)',
  'feedback.send': 'Send comment',
  'feedback.tooMany': 'Too many answers from here just now; try again in a minute.',
  'feedback.notSaved': 'Your answer was not saved. Try again in a moment.',
  'feedback.thanksVote': 'Thank you. Anything to add? A comment goes to the page’s owner.',
  'feedback.writeFirst': 'Write a comment first, or leave it: your answer is saved.',
  'feedback.thanksComment': 'Thank you: your comment is sent to the page’s owner.',

  // Read and acknowledge (also scripts/acknowledgements/acknowledge.ts)
  'ack.heading': 'Read and acknowledge',
  'ack.button': 'I have read and understood this',
  'ack.signed': 'You acknowledged version {version} on {date}.',
  'ack.seeChanges': 'see what changed',
  'ack.changedPolicy':
    'This policy changed since you acknowledged version {previous} on {date}: {changes}. Read it again, then confirm you have read and understood version {version}.',
  'ack.changedPage':
    'This page changed since you acknowledged version {previous} on {date}: {changes}. Read it again, then confirm you have read and understood version {version}.',
  'ack.intro': 'Everyone this page is for confirms they have read and understood it. Read it, then confirm below (version {version}).',
  'ack.sessionEnded': 'Your session has ended: sign in again to acknowledge.',
  'ack.changedWhileReading': 'This page changed while you were reading it.',
  'ack.notSaved': 'Your acknowledgement was not saved. Try again in a moment.',
  'ack.thanks': 'Thank you. {signed}',

  // Training progress on lesson and module pages (scripts/training/progress.ts)
  'progress.lessonsRead': { one: '{done} of {count} lesson read', other: '{done} of {count} lessons read' },
  'progress.nextUnread': 'Next unread lesson: {title}',
  'progress.takeQuiz': 'Take the quiz',
  'progress.markedDone': 'Marked as done.',
  'progress.alreadyRead': 'You have read this lesson.',
  'progress.moduleComplete': 'The module is complete.',
  'progress.sessionEnded': 'Your session has ended: sign in again to save your progress.',
  'progress.notSaved': 'Your progress was not saved. Try again in a moment.',
  'progress.quizPassed': 'quiz passed',
  'progress.quizNotTaken': 'quiz not taken',
  'progress.lastScore': 'quiz: last score {score}%',
  'progress.due': 'due {date}',
  'progress.myTraining': 'My training',
  'progress.readMark': 'read',

  // A module's status, and its due date against today (lib/training/status-labels.ts)
  'status.not-started': 'Not started',
  'status.in-progress': 'In progress',
  'status.passed': 'Complete',
  'status.failed': 'Quiz not passed yet',
  'status.overdue': 'Overdue',
  'due.today': 'Due today ({date})',
  'due.in': { one: 'Due in {count} day ({date})', other: 'Due in {count} days ({date})' },
  'due.overdue': { one: 'Overdue by {count} day (was due {date})', other: 'Overdue by {count} days (was due {date})' },

  // Sign in, sign out
  'signIn.title': 'Sign in',
  'signIn.staffOnly': 'This handbook is for staff: sign in to read it.',
  'signIn.signedOut': 'You are signed out.',
  'signIn.withSso': 'Sign in with {provider}',
  'signIn.orPassword': 'or with your password',
  'signIn.email': 'Work email',
  'signIn.password': 'Password',
  'signIn.remember': 'Keep me signed in on this device',
  'signIn.button': 'Sign in',
  'signIn.forgot': 'Forgot your password? Ask an admin of this handbook to reset it.',
  'signIn.newHere': 'New here? {link} with your work email.',
  'signIn.createAccount': 'Create an account',
  'signIn.writeEmail': 'Write your work email address.',
  'signIn.writePassword': 'Write your password.',
  'signIn.fillBoth': 'Fill in both fields.',
  'signIn.ssoDomain': 'Sign in with a work account of this organisation.',
  'signIn.ssoBanned': 'This account is deactivated; ask an admin to reactivate it.',
  'signIn.ssoNoAccount': 'There is no account for you here yet; ask an admin to add you.',
  'signIn.ssoCancelled': 'Single sign-on was cancelled.',
  'signIn.ssoFailed': 'Single sign-on did not work; try again, or sign in with your password.',
  'signIn.ssoUnreachable': 'Single sign-on is not reachable right now; try again, or sign in with your password.',
  'signOut.title': 'Sign out',
  'signOut.button': 'Sign out of {email}',

  // The account page
  'account.title': 'Your account',
  'account.mustChange': 'Choose your own password to continue.',
  'account.mustChangeWhy': 'You signed in with a one-time password.',
  'account.passwordChanged': 'Your password is changed. Other devices were signed out.',
  'account.name': 'Name',
  'account.email': 'Email',
  'account.permission': 'Permission',
  'account.jobRoles': 'Job roles',
  'account.team': 'Team',
  'account.answerFor': 'Pages you answer for',
  'account.none': 'none',
  'account.languageHeading': 'Language',
  'account.languageLabel': 'Language of the interface',
  'account.languageHint':
    'Menus, buttons and dates on your account, training and report pages. Handbook pages keep the language they are written in.',
  'account.languageDefault': 'The handbook’s language',
  'account.languageSave': 'Save language',
  'account.languageSaved': 'Your language is saved.',
  'account.languageUnknown': 'Choose one of the languages in the list.',
  'account.passwordHeading': 'Change your password',
  'account.currentPassword': 'Current password',
  'account.newPassword': 'New password',
  'account.newPasswordHint': 'At least {count} characters, not a common one: three or four unrelated words work well.',
  'account.newPasswordAgain': 'New password again',
  'account.changePassword': 'Change password',
  'account.writeCurrent': 'Write your current password.',
  'account.notSame': 'The two new passwords are not the same.',
  'account.writeNew': 'Write a new password.',
  'account.notChanged': 'The password was not changed; see below.',
  // My training (the page and each module's card)
  'training.title': 'My training',
  'training.nothingWaiting': 'Nothing is waiting for you.',
  'training.assigned': { one: '{count} module is assigned to you', other: '{count} modules are assigned to you' },
  'training.overdue': ', {count} overdue',
  'training.timeZone': 'Due dates are in the {zone} time zone.',
  'training.noModules': 'This handbook has no training modules yet.',
  'training.toDo': 'To do',
  'training.alsoOpen': 'Also open to you',
  'training.completed': 'Completed',
  'module.completedOn': 'Completed {date}',
  'module.bestScore': ', best score {score}%',
  'module.quizNotTaken': 'Quiz: not taken yet',
  'module.quizLastScore': 'Quiz: last score {score}%',
  'module.attemptsUsed': ', {used} of {allowed} attempts used',
  'module.changedSince': 'The module has changed since you completed it. Your completion stays on record.',
  'module.start': 'Start: {title}',
  'module.continue': 'Continue: {title}',
  'module.tryQuizAgain': 'Try the quiz again',
  'module.noAttempts': 'No attempts left: ask your manager for a retake.',
  'module.lastResult': 'Your last result',

  // Taking a quiz
  'quiz.title': 'Quiz: {module}',
  'quiz.unanswered': {
    one: 'Answer every question before you submit: one question has no answer yet. Your other answers are kept.',
    other: 'Answer every question before you submit: {count} questions have no answer yet. Your other answers are kept.',
  },
  'quiz.changed': 'Some answers do not belong to this attempt; the quiz may have changed. Here is your attempt as it is now.',
  'quiz.passed': 'You passed this quiz.',
  'quiz.passedScore': 'You passed this quiz with {score}%.',
  'quiz.passedOn': 'You passed this quiz on {date}.',
  'quiz.passedScoreOn': 'You passed this quiz with {score}% on {date}.',
  'quiz.seeResult': 'See your result',
  'quiz.practice': 'Take it again for practice (it uses an attempt)',
  'quiz.seeLastResult': 'See your last result',
  'quiz.backToTraining': 'Back to my training',
  'quiz.questions': { one: '{count} question', other: '{count} questions' },
  'quiz.passMark': 'Pass mark {mark}%',
  'quiz.attempt': 'Attempt {number}',
  'quiz.attemptOf': 'Attempt {number} of {allowed}',
  'quiz.intro': 'Your answers are graded when you submit. The results say which policy section to reread for anything you miss.',
  'quiz.questionOf': 'Question {number} of {total}: ',
  'quiz.chooseAll': 'Choose every answer that applies.',
  'quiz.answerThis': 'Answer this question.',
  'quiz.submit': 'Submit my answers',

  // A quiz's result
  'result.title': 'Result: {module}, attempt {number}',
  'result.heading': 'Quiz result: {module}',
  'result.percent': '{score}%',
  'result.passed': 'passed (pass mark {mark}%).',
  'result.notPassed': 'not passed yet (pass mark {mark}%).',
  'result.finishLessons': 'Finish the lessons to complete the module: {done} of {total} read.',
  'result.reread': 'What to reread',
  'result.tryAgain': 'Try again',
  'result.yourAnswers': 'Your answers',
  'result.hidden': 'The right answers are not shown: reread the section linked from each question.',
  'result.hiddenUntilPass': 'The right answers are not shown until you pass: reread the section linked from each question.',
  'result.right': 'Right',
  'result.partly': 'Partly right ({percent}%)',
  'result.wrong': 'Not right',
  'result.yourAnswer': 'Your answer: {answer}',
  'result.none': 'none',
  'result.rightAnswer': 'Right answer: {answer}',
  'result.from': 'From',
  'result.rereadSource': 'Reread',
} satisfies Record<string, string | PluralMessage>;

export type MessageKey = keyof typeof en;

/** Every language's catalogue: the same keys as English, a plural wherever English has one. */
export type Catalogue = { [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage };
